// RecognizeEntities on fixtures/entities: invented articles written to hold
// the hard cases (a name given three ways, namesakes, acronyms, tickers,
// organisation variants, a headline in capitals, non-English names).
#include "extract/entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

struct Tagged {
  std::string text;
  DocumentEntities entities;

  std::string_view Said(const Mention& m) const {
    return std::string_view(text).substr(m.start, m.end - m.start);
  }
  // The entity named exactly `name`, or nullptr.
  const DocumentEntity* Entity(std::string_view name) const {
    for (const auto& e : entities.entities)
      if (e.name == name) return &e;
    return nullptr;
  }
  // The entities of every mention written exactly `said`.
  std::vector<const DocumentEntity*> EntitiesOf(std::string_view said) const {
    std::vector<const DocumentEntity*> out;
    for (const auto& m : entities.mentions)
      if (Said(m) == said) out.push_back(&entities.entities[m.entity]);
    return out;
  }
  // The entities' names and types, for messages.
  std::string Names() const {
    std::string out;
    for (const auto& e : entities.entities) {
      if (!out.empty()) out += ", ";
      out += e.name + " (" + std::string(EntityTypeName(e.type)) + ")";
    }
    return out;
  }
  // The types of the entities of every mention written exactly `said`.
  std::set<EntityType> TypesOf(std::string_view said) const {
    std::set<EntityType> out;
    for (const DocumentEntity* e : EntitiesOf(said)) out.insert(e->type);
    return out;
  }
  bool HasAlias(const DocumentEntity& e, std::string_view alias) const {
    return std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end();
  }
};

Tagged TagText(std::string text) {
  Tagged t;
  t.text = std::move(text);
  auto e = RecognizeEntities(t.text);
  EXPECT_TRUE(e.ok()) << e.status().message();
  if (e.ok()) t.entities = std::move(e).value();
  return t;
}

Tagged TagFixture(const std::string& name) {
  return TagText(testing::ReadFileOrDie(testing::FixturePath("entities/" + name)));
}

TEST(Entities, MentionOffsetsAreBytesOfTheInputInOrder) {
  for (const char* name :
       {"compute-exchange.txt", "compute-exchange-2.txt", "namesakes.txt", "unicode.txt"}) {
    Tagged t = TagFixture(name);
    ASSERT_FALSE(t.entities.mentions.empty()) << name;
    std::uint32_t previous_end = 0;
    for (const auto& m : t.entities.mentions) {
      EXPECT_LT(m.start, m.end) << name;
      EXPECT_LE(previous_end, m.start) << name << ": mentions overlap or are out of order";
      ASSERT_LE(m.end, t.text.size()) << name;
      ASSERT_LT(m.entity, t.entities.entities.size()) << name;
      previous_end = m.end;
      // A mention starts and ends on word boundaries of the text.
      auto said = t.Said(m);
      EXPECT_FALSE(said.front() == ' ' || said.back() == ' ') << name << ": '" << said << "'";
    }
  }
}

TEST(Entities, AShortFormTakesThePersonOfItsLongForm) {
  Tagged t = TagFixture("compute-exchange.txt");
  const DocumentEntity* ceo = t.Entity("Vincent Zhou Haoran");
  ASSERT_NE(ceo, nullptr) << "the chief executive is named by his full name";
  EXPECT_EQ(ceo->type, EntityType::kPerson);
  EXPECT_TRUE(t.HasAlias(*ceo, "Vincent Zhou"));
  EXPECT_TRUE(t.HasAlias(*ceo, "Zhou Haoran"));
  // "Zhou said ..." alone, after Zhou Li and Zhou Ming were introduced, is
  // still the chief executive: the person the article is about.
  auto bare = t.EntitiesOf("Zhou");
  ASSERT_FALSE(bare.empty());
  for (const auto* e : bare) EXPECT_EQ(e, ceo);
}

TEST(Entities, PeopleWhoShareASurnameStayApart) {
  Tagged t = TagFixture("compute-exchange.txt");
  const DocumentEntity* li = t.Entity("Zhou Li");
  const DocumentEntity* ming = t.Entity("Zhou Ming");
  const DocumentEntity* ceo = t.Entity("Vincent Zhou Haoran");
  ASSERT_NE(li, nullptr);
  ASSERT_NE(ming, nullptr);
  EXPECT_EQ(li->type, EntityType::kPerson);
  EXPECT_EQ(ming->type, EntityType::kPerson);
  EXPECT_NE(li, ming);
  EXPECT_NE(li, ceo);
  EXPECT_FALSE(t.HasAlias(*li, "Zhou"));
}

TEST(Entities, AnAcronymDefinedInTheTextNamesTheSameOrganisation) {
  Tagged t = TagFixture("compute-exchange.txt");
  const DocumentEntity* exchange = t.Entity("Meridian Compute Exchange");
  ASSERT_NE(exchange, nullptr);
  EXPECT_EQ(exchange->type, EntityType::kOrganization);
  EXPECT_TRUE(t.HasAlias(*exchange, "MCX"));
  auto later = t.EntitiesOf("MCX");
  EXPECT_EQ(later.size(), 3u) << "MCX is used three times";
  for (const auto* e : later) EXPECT_EQ(e, exchange);
}

TEST(Entities, ATickerBelongsToTheCompanyNamedBeforeIt) {
  Tagged t = TagFixture("compute-exchange.txt");
  const DocumentEntity* company = t.Entity("Harborline Group Holding");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->type, EntityType::kOrganization);
  EXPECT_NE(std::find(company->tickers.begin(), company->tickers.end(), "NYSE:HBLN"),
            company->tickers.end());
  bool ticker_mention = false;
  for (const auto& m : t.entities.mentions)
    if (t.Said(m) == "HBLN") {
      ticker_mention = true;
      EXPECT_EQ(m.type, EntityType::kTicker);
      EXPECT_EQ(&t.entities.entities[m.entity], company);
    }
  EXPECT_TRUE(ticker_mention);
  // The company's short name, without its corporate suffixes, is the company.
  for (const auto* e : t.EntitiesOf("Harborline")) EXPECT_EQ(e, company);
  // A ticker with the exchange in its suffix is found too.
  bool hong_kong = false;
  for (const auto& m : t.entities.mentions) hong_kong = hong_kong || t.Said(m) == "6618.HK";
  EXPECT_TRUE(hong_kong);
}

TEST(Entities, SpellingsOfOneOrganisationAreOneEntity) {
  Tagged t = TagFixture("compute-exchange.txt");
  auto lab = t.EntitiesOf("Lantern Lab");
  auto laboratory = t.EntitiesOf("Lantern Laboratory");
  ASSERT_EQ(lab.size(), 1u);
  ASSERT_EQ(laboratory.size(), 1u);
  EXPECT_EQ(lab[0], laboratory[0]);
  EXPECT_EQ(lab[0]->type, EntityType::kOrganization);
}

TEST(Entities, AHeadlineInCapitalsIsTaggedLikeTheBody) {
  Tagged t = TagFixture("compute-exchange.txt");
  auto headline = t.EntitiesOf("HARBORLINE");
  ASSERT_EQ(headline.size(), 1u);
  EXPECT_EQ(headline[0], t.Entity("Harborline Group Holding"));
  // The entity goes by the body's spelling, not the headline's.
  for (const auto& e : t.entities.entities) EXPECT_NE(e.name, "HARBORLINE");
}

TEST(Entities, PlacesAndProductsAreTyped) {
  Tagged t = TagFixture("compute-exchange.txt");
  for (const char* place : {"Singapore", "São Paulo", "Hong Kong", "New York"}) {
    auto e = t.EntitiesOf(place);
    ASSERT_FALSE(e.empty()) << place;
    EXPECT_EQ(e[0]->type, EntityType::kLocation) << place;
  }
  bool product = false;
  for (const auto& m : t.entities.mentions)
    product = product || (m.type == EntityType::kProduct && t.Said(m).substr(0, 7) == "Kestrel");
  EXPECT_TRUE(product) << "the Kestrel models are a product";
  // ... and "the Kestrel team" the people who make them: another entity.
  const DocumentEntity* team = nullptr;
  for (const auto& m : t.entities.mentions)
    if (t.Said(m) == "Kestrel" && m.type == EntityType::kOrganization)
      team = &t.entities.entities[m.entity];
  ASSERT_NE(team, nullptr) << "the Kestrel team is an organisation";
  for (const auto& m : t.entities.mentions) {
    if (m.type == EntityType::kProduct) {
      EXPECT_NE(&t.entities.entities[m.entity], team);
    }
  }
}

TEST(Entities, ASurnameAloneIsThePersonOfThatArticle) {
  Tagged t = TagFixture("namesakes.txt");
  const DocumentEntity* lawyer = t.Entity("Grace Zhou");
  ASSERT_NE(lawyer, nullptr);
  EXPECT_EQ(lawyer->type, EntityType::kPerson);
  for (const auto* e : t.EntitiesOf("Zhou")) EXPECT_EQ(e, lawyer);
  const DocumentEntity* other = t.Entity("Daniel Okonkwo-Reyes");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->type, EntityType::kPerson);
  for (const char* place : {"Toronto", "Ottawa"}) {
    auto e = t.EntitiesOf(place);
    ASSERT_FALSE(e.empty()) << place;
    EXPECT_EQ(e[0]->type, EntityType::kLocation) << place;
  }
}

TEST(Entities, NamesWithDiacriticsAreFoundWhole) {
  Tagged t = TagFixture("unicode.txt");
  const DocumentEntity* zoe = t.Entity("Zoë Østergaard");
  const DocumentEntity* lukasz = t.Entity("Łukasz Wróbel");
  ASSERT_NE(zoe, nullptr);
  ASSERT_NE(lukasz, nullptr);
  EXPECT_EQ(zoe->type, EntityType::kPerson);
  EXPECT_EQ(lukasz->type, EntityType::kPerson);
  for (const auto* e : t.EntitiesOf("Østergaard")) EXPECT_EQ(e, zoe);
  for (const auto* e : t.EntitiesOf("Wróbel")) EXPECT_EQ(e, lukasz);
  auto malmo = t.EntitiesOf("Malmö");
  ASSERT_FALSE(malmo.empty());
  EXPECT_EQ(malmo[0]->type, EntityType::kLocation);
}

TEST(Entities, AnOrganisationsFirstWordAloneIsThatOrganisation) {
  const Tagged t = TagText(
      "Port dispute drags on\n\nGrace Zhou, a lawyer for the Pelican Freight Cooperative, told "
      "the court on Monday that the contract was void.\n\nPelican said it would appeal if it lost. "
      "Greyfen Terminals declined to comment, and Greyfen has not said when talks resume.\n\n"
      "The cooperative's largest customer, Orrin Vale Therapeutics, moved its freight to rail. "
      "Orrin Vale said the switch was permanent.\n");
  const DocumentEntity* coop = t.Entity("Pelican Freight Cooperative");
  const DocumentEntity* terminals = t.Entity("Greyfen Terminals");
  ASSERT_NE(coop, nullptr);
  ASSERT_NE(terminals, nullptr);
  EXPECT_EQ(coop->type, EntityType::kOrganization);
  EXPECT_EQ(terminals->type, EntityType::kOrganization)
      << "a name ending in 'Terminals' is a company";
  for (const auto* x : t.EntitiesOf("Pelican")) EXPECT_EQ(x, coop);
  auto greyfen = t.EntitiesOf("Greyfen");
  ASSERT_EQ(greyfen.size(), 1u);
  EXPECT_EQ(greyfen[0], terminals);
  // Two words that open a company's name are the company, not a person.
  const DocumentEntity* pharma = t.Entity("Orrin Vale Therapeutics");
  ASSERT_NE(pharma, nullptr);
  for (const auto* x : t.EntitiesOf("Orrin Vale")) EXPECT_EQ(x, pharma);
}

TEST(Entities, ANameEndingInAnIndustryOrAStreetWordIsACompanyOrAPlace) {
  // The tagger reads both as people (checked: before the rules, each was
  // PER); "Software" ends company names only, "Lane" place names only.
  const Tagged t = TagText(
      "Quillmoor Software has agreed to buy Pellan Analytics for $2bn.\n\nResidents on Fenwick "
      "Lane said they had seen debris piling against the bridge.\n");
  const DocumentEntity* company = t.Entity("Quillmoor Software");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->type, EntityType::kOrganization);
  const DocumentEntity* lane = t.Entity("Fenwick Lane");
  ASSERT_NE(lane, nullptr);
  EXPECT_EQ(lane->type, EntityType::kLocation);
}

TEST(Entities, ACompanysNameIsNotItsUnitsAndAUnitsLastWordsAreTheUnit) {
  const Tagged t = TagText(
      "Corvane moves routing under a new hub\n\nCorvane said chief executive Mara Pennick will "
      "lead the Corvane Route Hub, which takes in three planning teams.\n\nStaff at Route Hub "
      "were told on Monday. Corvane did not say how many jobs would move.\n");
  const DocumentEntity* hub = t.Entity("Corvane Route Hub");
  ASSERT_NE(hub, nullptr);
  // "Corvane" alone is the company, not the hub it set up.
  for (const auto* x : t.EntitiesOf("Corvane")) EXPECT_NE(x, hub);
  // "Route Hub", its closing words, is the hub.
  auto short_form = t.EntitiesOf("Route Hub");
  ASSERT_EQ(short_form.size(), 1u);
  EXPECT_EQ(short_form[0], hub);
}

TEST(Entities, TwoNamesTaggedAsOneAreSplitWhereTheTextNamesEachAlone) {
  // The tagger reads "Fleetwise Systems and Haulio Logistics" in its second
  // sentence as one organisation.
  const Tagged t = TagText(testing::ReadFileOrDie(testing::FixturePath("facts/such-as.txt")));
  EXPECT_EQ(t.Entity("Fleetwise Systems and Haulio Logistics"), nullptr);
  EXPECT_EQ(t.EntitiesOf("Haulio Logistics").size(), 2u);
  EXPECT_EQ(t.EntitiesOf("Fleetwise Systems").size(), 2u);
}

TEST(Entities, APersonsTitleIsNotPartOfTheName) {
  // Titles the tagger tends to take into the name: one opening a sentence,
  // one after "by". The person is the same one named later without it.
  Tagged t = TagText(
      "Residents of Harrowgate packed the hall on Monday. Spokesperson Mireille Tancock said "
      "the group would appeal.\n\n"
      "The ruling, handed down on Friday by Justice Tomasz Abernethy-Lund, ends a two-year "
      "dispute. Abernethy-Lund said the council had acted within its powers.\n\n"
      "Tancock said residents were disappointed.");
  for (const char* name : {"Mireille Tancock", "Tomasz Abernethy-Lund"}) {
    const DocumentEntity* person = t.Entity(name);
    ASSERT_NE(person, nullptr) << name << " among " << t.Names();
    EXPECT_EQ(person->type, EntityType::kPerson) << name;
  }
  for (const auto& e : t.entities.entities) {
    EXPECT_EQ(e.name.find("Spokesperson"), std::string::npos) << e.name;
    EXPECT_EQ(e.name.find("Justice"), std::string::npos) << e.name;
  }
}

TEST(Entities, AnHonorificWithoutAFullStopIsNotPartOfTheName) {
  // British news writes "Mr" and "Mrs" without a full stop; the person is
  // "Tancock", the same as "Mireille Tancock", with or without one.
  Tagged t = TagText(
      "Residents of Harrowgate packed the hall on Monday. Mireille Tancock, who chairs the "
      "residents' group, said they would appeal.\n\n"
      "Mrs Tancock said the council had not listened. Mr Abernethy, the council's lawyer, said "
      "the ruling was clear.");
  for (const auto& e : t.entities.entities) {
    EXPECT_NE(e.name.rfind("Mrs ", 0), 0u) << t.Names();
    EXPECT_NE(e.name.rfind("Mr ", 0), 0u) << t.Names();
  }
  const DocumentEntity* tancock = t.Entity("Mireille Tancock");
  ASSERT_NE(tancock, nullptr) << t.Names();
  for (const DocumentEntity* e : t.EntitiesOf("Tancock")) EXPECT_EQ(e, tancock) << t.Names();
}

TEST(Entities, ANameThatOpensWithATitleWordKeepsIt) {
  // One word after a title is a name as it stands, not a person's surname.
  Tagged t = TagText(
      "Analysts said General Mills would cut 300 jobs at its plant in Carrowdale. Fans of "
      "Judge Dredd gathered in Leeds on Saturday.");
  for (const auto& e : t.entities.entities) {
    EXPECT_NE(e.name, "Mills") << t.Names();
    EXPECT_NE(e.name, "Dredd") << t.Names();
  }
}

TEST(Entities, AnOrdinaryWordOpeningASentenceIsNoPerson) {
  // "Nausea" opens its sentences and nothing else in the text writes it
  // with a capital: a word, not a person. "Thistle" is a word
  // too, but the text names Dr. Orla Thistle: the surname alone at a
  // sentence's start is still hers.
  Tagged t = TagText(
      "Weekly injection cuts hospital stays in Pellham trial\n\n"
      "Patients given the weekly injection spent fewer nights in hospital, researchers at the "
      "Pellham Heart Institute said on Sunday. Nausea was the most common side effect, reported "
      "by one in seven patients. Fatigue affected fewer than one in twenty.\n\n"
      "The trial was led by Dr. Orla Thistle of the institute. Thistle said the results were "
      "encouraging but that longer follow-up was needed. Nausea eased after the first month.");
  EXPECT_EQ(t.TypesOf("Nausea").count(EntityType::kPerson), 0u) << t.Names();
  const DocumentEntity* lead = t.Entity("Orla Thistle");
  ASSERT_NE(lead, nullptr) << t.Names();
  EXPECT_EQ(lead->type, EntityType::kPerson);
  const auto thistle = t.EntitiesOf("Thistle");
  ASSERT_EQ(thistle.size(), 1u) << t.Names();
  EXPECT_EQ(thistle[0], lead);
}

TEST(Entities, ASurnameThatIsAlsoAWordStaysAPersonWhereItOpensSentences) {
  // Briefs that name their person by surname only, at sentence starts. The
  // dictionary lists "gore" but has "Gore" as a name too: no ordinary word.
  // "truss" it lists as a word only, but one "Truss" follows a line break of
  // text wrapped by hand, where no sentence starts: written with a capital
  // inside a sentence, it is a name.
  for (const char* name : {"Gore", "Truss"}) {
    const std::string n = name;
    Tagged t = TagText(n + " wins climate prize\n\n" + n +
                       " accepted the award in Oslo on Friday, the committee said. The plan was "
                       "praised on Monday by\n" +
                       n + ", who called it a good start. " + n +
                       " shared the prize with a panel of scientists.");
    EXPECT_EQ(t.TypesOf(n), std::set{EntityType::kPerson}) << n << " among " << t.Names();
  }
}

TEST(Entities, APlaceIsNotTheInstitutionNamedAfterIt) {
  // Selsey Bay is a town and its hospital is named after it: where the
  // tagger reads the town's name as a place, it stays the town, not a short
  // name of the hospital.
  Tagged t = TagText(
      "Selsey Bay patients were part of flu vaccine trial\n\n"
      "Forty-two patients from Selsey Bay took part in the national trial of the new vaccine, "
      "the health board said on Monday. The patients were enrolled through the clinic at Selsey "
      "Bay General Hospital, one of 60 sites in the country. Dr. Imogen Vass said the Selsey Bay "
      "clinic had been chosen because of the town’s older population.");
  const DocumentEntity* hospital = t.Entity("Selsey Bay General Hospital");
  ASSERT_NE(hospital, nullptr) << t.Names();
  EXPECT_EQ(hospital->type, EntityType::kOrganization);
  EXPECT_EQ(t.TypesOf("Selsey Bay"), std::set{EntityType::kLocation}) << t.Names();
}

TEST(Entities, ACompanysShortNameIsTheCompanyWhateverTheTaggerThought) {
  // "Pharmaceuticals" makes an organisation's name but no institution's:
  // Harwick Dale alone is the company.
  Tagged t = TagText(
      "Harwick Dale Pharmaceuticals wins approval\n\n"
      "Harwick Dale Pharmaceuticals said on Monday regulators had approved its drug. Shares in "
      "Harwick Dale rose 4 per cent. Harwick Dale said it would launch in May.");
  const DocumentEntity* company = t.Entity("Harwick Dale Pharmaceuticals");
  ASSERT_NE(company, nullptr) << t.Names();
  for (const DocumentEntity* e : t.EntitiesOf("Harwick Dale")) EXPECT_EQ(e, company) << t.Names();
}

TEST(Entities, OpenLandEndsAPlacesNameAndTheFamilyIsAPerson) {
  // "Heath" and "Downs" are surnames too, but after a word that is no
  // listed first name or title they end a place's name; after "Margaret"
  // or "Mr" a person's.
  // "the Dunmurry family" names people.
  Tagged t = TagText(
      "Tarrow Heath library reopens after renovation\n\n"
      "The Tarrow Heath branch library reopened on Monday after an 18-month renovation, and "
      "more than 400 people queued outside. The champion ram ribbon at the show went to the "
      "Dunmurry family of Brannock Downs, who also won in 2022. The building was opened in 1962 "
      "by Margaret Heath, then the town's mayor. Mr Heath died in 1990.");
  for (const char* place : {"Tarrow Heath", "Brannock Downs"})
    EXPECT_EQ(t.TypesOf(place), std::set{EntityType::kLocation}) << place << " among " << t.Names();
  const DocumentEntity* mayor = t.Entity("Margaret Heath");
  ASSERT_NE(mayor, nullptr) << t.Names();
  EXPECT_EQ(mayor->type, EntityType::kPerson);
  for (const Mention& m : t.entities.mentions) {
    if (t.Said(m).find("Heath") != std::string_view::npos && t.Said(m) != "Tarrow Heath")
      EXPECT_EQ(m.type, EntityType::kPerson) << t.Said(m) << " among " << t.Names();
  }
  EXPECT_EQ(t.TypesOf("Dunmurry"), std::set{EntityType::kPerson}) << t.Names();
}

TEST(Entities, ACurrencysCountryLettersAreNotAPlace) {
  Tagged t = TagText(
      "Harbourline agrees to buy Tessaly Labs for US$2.3 billion\n\n"
      "US software maker Harbourline Systems said on Monday it would pay US$2.3 billion for "
      "Tessaly Labs of Brisbane. Tessaly shareholders will receive A$41.50 a share, the "
      "companies said, valuing the Hong Kong unit at HK$1.8 billion. Shares of Harbourline rose "
      "4% in New York, where analysts said US buyers had been waiting for a deal.");
  for (const auto& m : t.entities.mentions) {
    EXPECT_FALSE(m.end < t.text.size() && t.text[m.end] == '$')
        << "'" << t.Said(m) << "' at byte " << m.start << " is a currency, not an entity";
  }
  // The country itself, where the text means it, is still a place.
  const DocumentEntity* us = t.Entity("US");
  ASSERT_NE(us, nullptr) << t.Names();
  EXPECT_EQ(us->type, EntityType::kLocation);
}

TEST(Entities, WhereHeadlineAndBodyDisagreeOnATypeTheBodyDecides) {
  // In the headline the tagger reads the place as a company's name (it
  // stands before "solar co-op"); the body says it is a place. One entity.
  Tagged t = TagText(
      "Marrowby Cross solar co-op signs up its 300th household\n\n"
      "A community-owned solar cooperative in Marrowby Cross has signed up its 300th member "
      "household, two years after it was set up by neighbours in a church hall.");
  std::vector<const DocumentEntity*> named;
  for (const auto& e : t.entities.entities)
    if (e.name == "Marrowby Cross") named.push_back(&e);
  ASSERT_EQ(named.size(), 1u) << t.Names();
  EXPECT_EQ(named[0]->type, EntityType::kLocation) << t.Names();
}

TEST(Entities, TextThatIsNotUtf8IsRefused) {
  auto e = RecognizeEntities("Ana Lima met \xff\xfe officials in Lisbon.");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(e.status().message().find("offset 13"), std::string::npos) << e.status().message();
}

TEST(Entities, OtherScriptsAndOddInputGiveNoCrashAndSaneOffsets) {
  const std::string inputs[] = {
      "",
      "\n\n\n",
      "北京市政府周一宣布新的交通计划。上海的反应不一。",
      "Президент компании Иван Петров выступил в Москве в понедельник.",
      "أعلنت الشركة في دبي عن خطة جديدة يوم الاثنين.",
      std::string(5000, '('),
      "((((( NYSE: ))))) (A) (AB) () $ $$ 9.HK .HK",
  };
  for (const auto& input : inputs) {
    auto e = RecognizeEntities(input);
    ASSERT_TRUE(e.ok()) << e.status().message();
    for (const auto& m : e->mentions) {
      EXPECT_LT(m.start, m.end);
      EXPECT_LE(m.end, input.size());
      EXPECT_LT(m.entity, e->entities.size());
    }
  }
}

TEST(Entities, TextBeyondTheLimitGetsNoMentions) {
  std::string text = "Ana Lima visited Lisbon on Monday.\n\n";
  while (text.size() < 4000) text += "The weather stayed mild all week long.\n\n";
  text += "Ana Lima later flew to Madrid.";
  EntityOptions options;
  options.max_text_bytes = 3000;
  auto e = RecognizeEntities(text, options);
  ASSERT_TRUE(e.ok());
  for (const auto& m : e->mentions) EXPECT_LE(m.end, 3000u);
}

TEST(Entities, TypeNamesRoundTrip) {
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation,
                       EntityType::kMisc, EntityType::kProduct, EntityType::kTicker}) {
    auto back = ParseEntityType(EntityTypeName(t));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, t);
  }
  EXPECT_EQ(ParseEntityType("person"), EntityType::kPerson);
  EXPECT_EQ(ParseEntityType("Company"), EntityType::kOrganization);
  EXPECT_FALSE(ParseEntityType("planet").has_value());
}

}  // namespace
}  // namespace newsdesk
