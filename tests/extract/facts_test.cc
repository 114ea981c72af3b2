// ExtractFacts and ParseClaim on fixtures/facts: invented articles, one per
// behaviour (roles, lead in both voices, lists, dates, quantities,
// qualifiers, attribution, declared counts, a unit named again later).
#include "extract/facts.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

std::string Describe(const Fact& f) {
  std::string s = "(" + f.subject.key + " | " + f.predicate + "/" + f.predicate_class + " | " +
                  f.object.key + ")";
  if (f.negated) s += " negated";
  if (f.hedged) s += " hedged";
  if (f.role) s += " role=" + *f.role;
  if (f.date) s += " date=" + *f.date;
  if (f.quantity)
    s += " q=" + std::to_string(f.quantity->low) + ".." + std::to_string(f.quantity->high) + " " +
         f.quantity->unit + " " + f.quantity->comparison;
  if (!f.origin_kind.empty()) s += " origin=" + f.origin + "/" + f.origin_kind;
  return s;
}

std::string Describe(const std::vector<Fact>& facts) {
  std::string s;
  for (const auto& f : facts) s += "  " + Describe(f) + "\n";
  return s;
}

struct Read {
  std::string text;
  DocumentEntities entities;
  ArticleFacts facts;
};

// 2026-03-18T09:00:00Z, a Wednesday.
constexpr UnixSeconds kWednesday = 1773824400;

Read ReadFixture(const std::string& name, std::optional<UnixSeconds> published = kWednesday) {
  Read r;
  r.text = testing::ReadFileOrDie(testing::FixturePath("facts/" + name));
  auto e = RecognizeEntities(r.text);
  EXPECT_TRUE(e.ok()) << e.status().message();
  if (e.ok()) r.entities = std::move(e).value();
  auto f = ExtractFacts(r.text, r.entities, published);
  EXPECT_TRUE(f.ok()) << f.status().message();
  if (f.ok()) r.facts = std::move(f).value();
  return r;
}

// The one fact of `facts` with this subject key, predicate class and object
// key, or nullptr.
const Fact* Find(const std::vector<Fact>& facts, std::string_view subject, std::string_view cls,
                 std::string_view object) {
  for (const auto& f : facts)
    if (f.subject.key == subject && f.predicate_class == cls && f.object.key == object) return &f;
  return nullptr;
}
std::size_t Count(const std::vector<Fact>& facts, std::string_view cls) {
  std::size_t n = 0;
  for (const auto& f : facts) n += f.predicate_class == cls;
  return n;
}

TEST(Facts, ARoleBeforeTheNameAndAnAppositionGiveRoleFacts) {
  Read r = ReadFixture("roles.txt");
  const Fact* ceo = Find(r.facts.facts, "daniel okafor", "role", "veloria");
  ASSERT_NE(ceo, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(ceo->predicate, "hold role");
  EXPECT_EQ(ceo->role, "chief executive");
  EXPECT_EQ(ceo->subject.kind, FactArgument::Kind::kEntity);
  EXPECT_EQ(ceo->subject.type, EntityType::kPerson);
  EXPECT_EQ(ceo->object.kind, FactArgument::Kind::kEntity);
  const Fact* cfo = Find(r.facts.facts, "helena brandt", "role", "veloria");
  ASSERT_NE(cfo, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(cfo->role, "chief financial officer");
  EXPECT_EQ(r.facts.facts.size(), 2u) << Describe(r.facts.facts);
}

TEST(Facts, EvidenceIsTheSentenceAndItsByteSpan) {
  Read r = ReadFixture("roles.txt");
  ASSERT_FALSE(r.facts.facts.empty());
  for (const auto& f : r.facts.facts) {
    ASSERT_LE(f.sentence_end, r.text.size());
    EXPECT_EQ(r.text.substr(f.sentence_start, f.sentence_end - f.sentence_start), f.evidence);
  }
  EXPECT_EQ(r.facts.facts[0].evidence,
            "Veloria CEO Daniel Okafor opened the meeting in Rotterdam on Thursday.");
}

TEST(Facts, ActiveAndPassiveLeadGiveTheSameFact) {
  Read r = ReadFixture("lead.txt");
  std::vector<const Fact*> lead;
  for (const auto& f : r.facts.facts)
    if (f.subject.key == "daniel okafor" && f.object.key == "veloria signal hub")
      lead.push_back(&f);
  ASSERT_EQ(lead.size(), 2u) << Describe(r.facts.facts);
  for (const Fact* f : lead) {
    EXPECT_EQ(f->predicate, "lead");
    EXPECT_EQ(f->predicate_class, "lead");
    EXPECT_FALSE(f->negated);
    EXPECT_FALSE(f->hedged);
  }
  EXPECT_NE(lead[0]->evidence, lead[1]->evidence);
}

TEST(Facts, HeadAndRunAreOfTheLeadClass) {
  Read r = ReadFixture("lead.txt");
  const Fact* head = Find(r.facts.facts, "marcus feld", "lead", "corvid lab");
  ASSERT_NE(head, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(head->predicate, "head");
  // Passive without a form of "be" before it: "is run by".
  const Fact* run = Find(r.facts.facts, "ingrid solberg", "lead", "tessel cloud");
  ASSERT_NE(run, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(run->predicate, "run");
}

TEST(Facts, AListGivesOneFactPerMember) {
  Read r = ReadFixture("list.txt");
  for (const char* member : {"corvid lab", "tessel cloud", "nimbus studio"}) {
    const Fact* f = Find(r.facts.facts, "veloria signal hub", "include", member);
    ASSERT_NE(f, nullptr) << member << "\n" << Describe(r.facts.facts);
    EXPECT_EQ(f->predicate, "combine");
  }
  EXPECT_EQ(Count(r.facts.facts, "include"), 3u) << Describe(r.facts.facts);
  // "A heads B and C runs D": C starts a clause, it is not a member.
  EXPECT_NE(Find(r.facts.facts, "marcus feld", "lead", "corvid lab"), nullptr);
  EXPECT_EQ(Find(r.facts.facts, "marcus feld", "lead", "ingrid solberg"), nullptr);
  EXPECT_NE(Find(r.facts.facts, "ingrid solberg", "lead", "tessel cloud"), nullptr);
}

TEST(Facts, AnUnnamedSubjectGivesNoFact) {
  Read r = ReadFixture("list.txt");
  // "The new group combines ...": the group is not named, so no fact.
  for (const auto& f : r.facts.facts)
    EXPECT_EQ(f.evidence.find("The new group"), std::string::npos) << Describe(f);
}

TEST(Facts, RelativeDatesResolveAgainstThePublicationDate) {
  Read r = ReadFixture("dates.txt");  // published Wednesday 2026-03-18
  const Fact* monday = Find(r.facts.facts, "veloria", "create", "harbor exchange");
  ASSERT_NE(monday, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(monday->date, "2026-03-16");
  const Fact* last_tuesday = Find(r.facts.facts, "ostrava motors", "acquire", "pellan robotics");
  ASSERT_NE(last_tuesday, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(last_tuesday->date, "2026-03-17");
  const Fact* march3 = Find(r.facts.facts, "veloria", "create", "quarry lab");
  ASSERT_NE(march3, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(march3->date, "2026-03-03");
  const Fact* with_year = Find(r.facts.facts, "lindqvist partners", "acquire", "bramwell media");
  ASSERT_NE(with_year, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(with_year->date, "2025-03-03");
}

TEST(Facts, WithoutAPublicationDateOnlyDatesWithAYearResolve) {
  Read r = ReadFixture("dates.txt", std::nullopt);
  ASSERT_EQ(r.facts.facts.size(), 4u) << Describe(r.facts.facts);
  EXPECT_EQ(r.facts.facts[0].date, std::nullopt);
  EXPECT_EQ(r.facts.facts[1].date, std::nullopt);
  EXPECT_EQ(r.facts.facts[2].date, std::nullopt);
  EXPECT_EQ(r.facts.facts[3].date, "2025-03-03");
}

TEST(Facts, ARangeTimesCheaperIsAQuantityWithItsComparison) {
  Read r = ReadFixture("quantities.txt");
  for (const char* subject : {"veloria signal hub", "nimbus studio"}) {
    const Fact* f = Find(r.facts.facts, subject, "cost", "argent stream");
    ASSERT_NE(f, nullptr) << subject << "\n" << Describe(r.facts.facts);
    ASSERT_TRUE(f->quantity.has_value());
    EXPECT_EQ(f->quantity->low, 10);
    EXPECT_EQ(f->quantity->high, 20);
    EXPECT_EQ(f->quantity->unit, "times");
    EXPECT_EQ(f->quantity->comparison, "cheaper");
  }
}

TEST(Facts, TripleDigitsIsARangeOfPercent) {
  Read r = ReadFixture("quantities.txt");
  const Fact* f = Find(r.facts.facts, "tessel cloud", "rise", "100-999 %");
  ASSERT_NE(f, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(f->predicate, "grow");
  EXPECT_EQ(f->object.kind, FactArgument::Kind::kValue);
  ASSERT_TRUE(f->quantity.has_value());
  EXPECT_EQ(f->quantity->low, 100);
  EXPECT_EQ(f->quantity->high, 999);
}

TEST(Facts, TheThirdExecutiveToLeaveIsAnOrdinal) {
  Read r = ReadFixture("quantities.txt");
  // "Veloria" is the company, not its product "Veloria Signal Hub".
  const Fact* f = Find(r.facts.facts, "ingrid solberg", "leave", "veloria");
  ASSERT_NE(f, nullptr) << Describe(r.facts.facts);
  ASSERT_TRUE(f->quantity.has_value());
  EXPECT_EQ(f->quantity->low, 3);
  EXPECT_EQ(f->quantity->unit, "ordinal");
}

TEST(Facts, NegationAndDenialAreQualifiers) {
  Read r = ReadFixture("qualifiers.txt");
  ASSERT_GE(r.facts.facts.size(), 2u) << Describe(r.facts.facts);
  const Fact& did_not = r.facts.facts[0];
  EXPECT_EQ(did_not.subject.key, "ostrava motors");
  EXPECT_EQ(did_not.object.key, "pellan robotics");
  EXPECT_TRUE(did_not.negated);
  EXPECT_FALSE(did_not.hedged);
  const Fact* denied = Find(r.facts.facts, "daniel okafor", "leave", "veloria");
  ASSERT_NE(denied, nullptr) << Describe(r.facts.facts);
  EXPECT_TRUE(denied->negated);
}

TEST(Facts, HedgesAreQualifiers) {
  Read r = ReadFixture("qualifiers.txt");
  ASSERT_EQ(r.facts.facts.size(), 4u) << Describe(r.facts.facts);
  const Fact& reportedly = r.facts.facts[2];
  EXPECT_EQ(reportedly.subject.key, "ostrava motors");
  EXPECT_TRUE(reportedly.hedged);
  EXPECT_FALSE(reportedly.negated);
  const Fact* expected = Find(r.facts.facts, "marcus feld", "lead", "corvid lab");
  ASSERT_NE(expected, nullptr);
  EXPECT_TRUE(expected->hedged);
  EXPECT_FALSE(expected->negated);
}

TEST(Facts, AccordingToAtEitherEndOfTheSentenceIsTheOrigin) {
  Read r = ReadFixture("attribution.txt");
  ASSERT_GE(r.facts.facts.size(), 2u) << Describe(r.facts.facts);
  for (int i : {0, 1}) {
    const Fact& f = r.facts.facts[static_cast<std::size_t>(i)];
    EXPECT_EQ(f.subject.key, "ostrava motors");
    EXPECT_EQ(f.object.key, "pellan robotics");
    EXPECT_EQ(f.origin, "Reuters");
    EXPECT_EQ(f.origin_kind, "according_to");
  }
}

TEST(Facts, AsReportedByNamesTheUpstreamEvenWhenUntagged) {
  Read r = ReadFixture("attribution.txt");
  const Fact* f = Find(r.facts.facts, "lindqvist partners", "acquire", "bramwell media");
  ASSERT_NE(f, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(f->origin, "Financial Ledger");
  EXPECT_EQ(f->origin_kind, "reported_by");
  EXPECT_EQ(r.facts.citations, (std::vector<std::string>{"Reuters", "Financial Ledger"}));
}

TEST(Facts, SaidWroteInAMemoAndStatementsNameTheSpeaker) {
  Read r = ReadFixture("attribution.txt");
  const Fact* said = Find(r.facts.facts, "veloria", "acquire", "pellan robotics");
  ASSERT_NE(said, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(said->origin, "Daniel Okafor");
  EXPECT_EQ(said->origin_kind, "said");
  const Fact* memo = Find(r.facts.facts, "veloria", "acquire", "quarry studio");
  ASSERT_NE(memo, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(memo->origin, "Daniel Okafor");
  EXPECT_EQ(memo->origin_kind, "memo");
  // "the company said in a statement": the company is the sentence's
  // organisation.
  const Fact* statement = Find(r.facts.facts, "veloria", "acquire", "argent stream");
  ASSERT_NE(statement, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(statement->origin, "Veloria");
  EXPECT_EQ(statement->origin_kind, "statement");
}

TEST(Facts, ADirectQuoteIsAttributedToItsSpeaker) {
  Read r = ReadFixture("attribution.txt");
  const Fact* f = Find(r.facts.facts, "marcus feld", "lead", "corvid lab");
  ASSERT_NE(f, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(f->origin, "Daniel Okafor");
  EXPECT_EQ(f->origin_kind, "quote");
}

TEST(Facts, AFactInTheArticlesOwnVoiceHasNoOrigin) {
  Read r = ReadFixture("lead.txt");
  const Fact* passive = nullptr;
  for (const auto& f : r.facts.facts)
    if (f.evidence.starts_with("Veloria Signal Hub will be led")) passive = &f;
  ASSERT_NE(passive, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(passive->origin, "");
  EXPECT_EQ(passive->origin_kind, "");
}

// The credit of `title + "\n\n" + text`.
std::string CreditOf(const std::string& title, const std::string& text) {
  const std::string all = title + "\n\n" + text;
  auto e = RecognizeEntities(all);
  EXPECT_TRUE(e.ok());
  auto f = ExtractFacts(all, e.ok() ? *e : DocumentEntities(), kWednesday);
  EXPECT_TRUE(f.ok());
  return f.ok() ? f->credit : "<error>";
}

TEST(Facts, ADatelineCreditIsTheArticlesUpstream) {
  const std::string body = " Marlow Ferries will add a night crossing to Eastwick from May.";
  EXPECT_EQ(CreditOf("Night ferry for Eastwick", "EASTWICK (Lantern Wire) —" + body),
            "Lantern Wire");
  EXPECT_EQ(CreditOf("Night ferry for Eastwick", "EASTWICK, March 17 (Harbour Press) -" + body),
            "Harbour Press");
  EXPECT_EQ(CreditOf("Night ferry for Eastwick", "ST. ALDEN, Kestria (The Quay Agency) –" + body),
            "The Quay Agency");
  EXPECT_EQ(CreditOf("Night ferry for Eastwick", "(Coastline News) — " + body), "Coastline News");
  EXPECT_EQ(CreditOf("Night ferry for Eastwick", "(Coastline News)" + body), "Coastline News");
  // After a byline or a date line, still the lead's dateline.
  EXPECT_EQ(
      CreditOf("Night ferry for Eastwick", "By Mara Quill\n\nEASTWICK (Lantern Wire) —" + body),
      "Lantern Wire");
}

TEST(Facts, ParenthesesThatAreNoCreditAreNotTakenForOne) {
  const std::string body = " Marlow Ferries will add a night crossing to Eastwick from May.";
  // A ticker, a label, a place in mixed case, words in lower case, and a
  // credit later than the lead.
  EXPECT_EQ(CreditOf("Ferry shares up", "MARLOW (NYSE: MRLW) — Shares rose." + body), "");
  EXPECT_EQ(CreditOf("Night ferry for Eastwick", "EASTWICK (Updated) —" + body), "");
  EXPECT_EQ(CreditOf("Night ferry for Eastwick", "(Updated)" + body), "");
  EXPECT_EQ(CreditOf("Night ferry for Eastwick", "(Coastline News) said" + body), "");
  // Labels of two words, a photo agency, an editor's note, a party and
  // state, and a place spelled out are no credit either.
  for (const char* lead : {"(Breaking News) Marlow Ferries said so.", "(Live Updates) Ferries.",
                           "(Getty Images) Ferries wait.", "(Editor's Note) This story.",
                           "SEN. MARA QUILL (R-Kestria) — We will.",
                           "NATO (North Atlantic Treaty Organization) — Ships.",
                           "EASTWICK (Harbour Photo) — Ships."}) {
    EXPECT_EQ(CreditOf("Night ferry for Eastwick", std::string(lead) + body), "") << lead;
  }
  EXPECT_EQ(CreditOf("Night ferry for Eastwick", "Marlow Ferries (the operator) — said so." + body),
            "");
  EXPECT_EQ(CreditOf("Night ferry for Eastwick",
                     "Ferries are busy.\n\nSo are roads.\n\nAnd rails.\n\nEASTWICK (Lantern "
                     "Wire) —" +
                         body),
            "");
  EXPECT_EQ(CreditOf("Night ferry for Eastwick",
                     "Marlow Ferries (MRLW) said on Tuesday that it"
                     " will add a night crossing to Eastwick."),
            "");
}

TEST(Facts, ACreditLineOfItsOwnIsTheArticlesUpstream) {
  const std::string body =
      "Marlow Ferries will add a night crossing to Eastwick from May.\n\nTickets go on sale in "
      "April, the company said.";
  EXPECT_EQ(CreditOf("Night ferry", body + "\n\nThis story was originally published by the "
                                           "Harbour Post."),
            "Harbour Post");
  EXPECT_EQ(CreditOf("Night ferry", body + "\n\n*This article first appeared in Coastline News "
                                           "and is republished here with permission.*"),
            "Coastline News");
  EXPECT_EQ(
      CreditOf("Night ferry", "Republished with permission from Eastwick Tribune.\n\n" + body),
      "Eastwick Tribune");
  EXPECT_EQ(CreditOf("Night ferry", body + "\n\nOriginally published on Quay Times, March 16."),
            "Quay Times");
  // A sentence of the story that says where something was first published
  // is no credit line.
  EXPECT_EQ(CreditOf("Night ferry", body + "\n\nThe timetable was first published by Marlow "
                                           "Ferries in a leaflet."),
            "");
  EXPECT_EQ(CreditOf("Night ferry", body + "\n\nFirst published in 1998, the guide is now "
                                           "online."),
            "");
  // A name with a full stop inside it.
  EXPECT_EQ(CreditOf("Night ferry", body + "\n\nThis story was originally published by the St. "
                                           "Alden Courier."),
            "St. Alden Courier");
  EXPECT_EQ(CreditOf("Night ferry", body + "\n\nOriginally published on HarbourNews.com."),
            "HarbourNews.com");
  // When, and in which language, is no upstream.
  for (const char* note : {"This story was originally published on Friday and has been updated.",
                           "This article was first published on Tuesday, March 17.",
                           "This article was originally published in Spanish.",
                           "This story first appeared in print."}) {
    EXPECT_EQ(CreditOf("Night ferry", body + "\n\n" + note), "") << note;
  }
  // A day or a language inside a name is part of it.
  EXPECT_EQ(CreditOf("Night ferry", body + "\n\nThis article first appeared in The Sunday "
                                           "Chronicle."),
            "Sunday Chronicle");  // "the" is dropped, as in "the Harbour Post"
  EXPECT_EQ(CreditOf("Night ferry", "KESTRIA CITY (Welsh Press Service) — " + body),
            "Welsh Press Service");
  // Where the text went, not where it came from.
  EXPECT_EQ(CreditOf("Night ferry", body + "\n\nThis article was reprinted on Coastline News."),
            "");
  EXPECT_EQ(CreditOf("Night ferry", body), "");
}

TEST(Facts, VerifiedByNSourcesIsTheDeclaredCount) {
  Read r = ReadFixture("declared-digits.txt");
  EXPECT_EQ(r.facts.declared_source_count, 4);
  EXPECT_TRUE(r.facts.citations.empty());
}

TEST(Facts, PeopleFamiliarWithTheMatterInWordsIsTheDeclaredCount) {
  Read r = ReadFixture("declared-words.txt");
  EXPECT_EQ(r.facts.declared_source_count, 3);
  const Fact* f = Find(r.facts.facts, "daniel okafor", "lead", "corvid lab");
  ASSERT_NE(f, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(f->origin, "");  // unnamed people: the outlet's own claim
  EXPECT_EQ(f->origin_kind, "according_to");
}

TEST(Facts, TheNewUnitIsTheUnitTheTextCreated) {
  Read r = ReadFixture("new-unit.txt");
  const Fact* created = Find(r.facts.facts, "veloria", "create", "veloria signal hub");
  ASSERT_NE(created, nullptr) << Describe(r.facts.facts);
  EXPECT_EQ(created->predicate, "establish");
  std::size_t leads = 0;
  for (const auto& f : r.facts.facts) {
    if (f.predicate_class != "lead") continue;
    ++leads;
    EXPECT_EQ(f.subject.key, "daniel okafor");
    EXPECT_EQ(f.object.key, "veloria signal hub");
  }
  // "a new top-level unit led by CEO Daniel Okafor" and "will personally
  // lead the new top-level business group".
  EXPECT_EQ(leads, 2u) << Describe(r.facts.facts);
  EXPECT_EQ(r.facts.facts.back().object.text, "the new top-level business group");
}

TEST(Facts, AUnitNamedBeforeAnyWasCreatedGivesNoFact) {
  const std::string text = "Veloria reshuffles\n\nDaniel Okafor will lead the new business group.";
  auto e = RecognizeEntities(text);
  ASSERT_TRUE(e.ok());
  auto f = ExtractFacts(text, *e, kWednesday);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(Count(f->facts, "lead"), 0u) << Describe(f->facts);
}

TEST(Facts, TheGroupIsTheUnitLastNamedSoAndTheDeciderLeadsIt) {
  // No verb creates the unit here: "the group" is the one whose name last
  // ended in "Group" ("the Corvane Route Hub (CRH) Business Group"), and
  // "Pennick's decision to lead" makes Pennick the one who leads.
  Read r = ReadFixture("unit-reference.txt");
  std::vector<std::string> evidence;
  for (const auto& f : r.facts.facts) {
    if (f.predicate_class != "lead") continue;
    EXPECT_EQ(f.subject.key, "mara pennick") << Describe(f);
    EXPECT_EQ(f.object.key, "corvane route hub") << Describe(f);
    evidence.push_back(f.evidence);
  }
  ASSERT_EQ(evidence.size(), 2u) << Describe(r.facts.facts);
  EXPECT_NE(evidence[0].find("Pennick's decision to lead the group personally"), std::string::npos);
  // "to CRH, directly overseen by Mara Pennick": the name after a
  // preposition is still what the phrase describes.
  EXPECT_NE(evidence[1].find("directly overseen by"), std::string::npos);
}

TEST(Facts, ASuchAsListBeforeTheVerbIsTheSubjectAndCostLessIsCheaper) {
  Read r = ReadFixture("such-as.txt");
  for (std::string_view firm : {"fleetwise systems", "trackmere lab", "haulio logistics"}) {
    const Fact* f = Find(r.facts.facts, firm, "cost", "5-8 times cheaper");
    ASSERT_NE(f, nullptr) << firm << "\n" << Describe(r.facts.facts);
    EXPECT_EQ(f->object.kind, FactArgument::Kind::kValue);  // "than comparable European products"
    EXPECT_EQ(f->origin, "Lantern Wire");
    EXPECT_EQ(f->origin_kind, "according_to");
  }
  // The second sentence relays "the report" without naming it.
  std::size_t unnamed = 0;
  for (const auto& f : r.facts.facts) {
    if (f.origin_kind != "report") continue;
    ++unnamed;
    EXPECT_EQ(f.origin, "");
    EXPECT_EQ(f.object.key, "5-8 times cheaper");
  }
  EXPECT_EQ(unnamed, 2u) << Describe(r.facts.facts);  // Fleetwise Systems, Haulio Logistics
}

TEST(ParseClaim, AClaimMatchesTheFactOfAnArticle) {
  auto claim = ParseClaim("Daniel Okafor will lead Veloria Signal Hub");
  ASSERT_TRUE(claim.ok()) << claim.status().message();
  ASSERT_EQ(claim->size(), 1u) << Describe(*claim);
  const Fact& c = claim->front();
  Read r = ReadFixture("lead.txt");
  const Fact* f = Find(r.facts.facts, c.subject.key, c.predicate_class, c.object.key);
  ASSERT_NE(f, nullptr) << Describe(c) << "\n" << Describe(r.facts.facts);
  EXPECT_EQ(c.subject.key, "daniel okafor");
  EXPECT_EQ(c.predicate_class, "lead");
  EXPECT_EQ(c.object.key, "veloria signal hub");
  EXPECT_EQ(c.date, std::nullopt);
}

TEST(ParseClaim, APassiveClaimAndASynonymGiveTheSameKeys) {
  auto passive = ParseClaim("Veloria Signal Hub will be headed by Daniel Okafor");
  ASSERT_TRUE(passive.ok());
  ASSERT_EQ(passive->size(), 1u) << Describe(*passive);
  EXPECT_EQ(passive->front().subject.key, "daniel okafor");
  EXPECT_EQ(passive->front().predicate, "head");
  EXPECT_EQ(passive->front().predicate_class, "lead");
  EXPECT_EQ(passive->front().object.key, "veloria signal hub");
}

TEST(ParseClaim, AClaimTheRulesCannotReadGivesNoFact) {
  auto claim = ParseClaim("something big is coming");
  ASSERT_TRUE(claim.ok());
  EXPECT_TRUE(claim->empty()) << Describe(*claim);
}

TEST(FactsLimits, TextThatIsNotUtf8IsRefused) {
  const std::string text = "Veloria buys \xC3\x28 Pellan Robotics.";
  auto f = ExtractFacts(text, DocumentEntities{}, std::nullopt);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(f.status().message().find("offset 13"), std::string::npos) << f.status().message();
  auto c = ParseClaim(text);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kInvalidInput);
}

TEST(FactsLimits, MentionsOutsideTheTextAreRefused) {
  DocumentEntities e;
  e.entities.push_back({"Veloria", EntityType::kOrganization, {}, {}, 1, false});
  e.mentions.push_back({0, 500, EntityType::kOrganization, 0});
  auto f = ExtractFacts("Veloria grew.", e, std::nullopt);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), Status::Code::kInvalidInput);
}

TEST(FactsLimits, ATextOverTheLimitIsRefusedQuickly) {
  const std::string blob(10u << 20, 'a');
  auto f = ExtractFacts(blob, DocumentEntities{}, kWednesday);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(f.status().message().find("max_text_bytes"), std::string::npos);
}

TEST(FactsLimits, ASentencelessBlobUnderTheLimitGivesNoFacts) {
  // 3 MiB of words without a full stop: every "sentence" the tokenizer cuts
  // is over max_sentence_bytes and is skipped.
  std::string blob;
  while (blob.size() < (3u << 20)) blob += "Veloria leads Pellan and Ostrava leads Harbor ";
  DocumentEntities none;
  const auto start = std::chrono::steady_clock::now();
  auto f = ExtractFacts(blob, none, kWednesday);
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_TRUE(f->facts.empty());
  EXPECT_LT(took, std::chrono::seconds(20));
}

TEST(FactsLimits, MaxFactsCapsTheFacts) {
  std::string text = "Veloria\n\n";
  for (int i = 0; i < 50; ++i) text += "Daniel Okafor will lead Corvid Labs. ";
  auto e = RecognizeEntities(text);
  ASSERT_TRUE(e.ok());
  FactOptions options;
  options.max_facts = 7;
  auto f = ExtractFacts(text, *e, std::nullopt, options);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->facts.size(), 7u);
}

TEST(FactsLimits, DeepPunctuationGivesNoFactsAndNoCrash) {
  std::string text = "Veloria\n\n";
  for (int i = 0; i < 20000; ++i) text += "((\"“,";
  text += " Daniel Okafor will lead Veloria Signal Hub ";
  for (int i = 0; i < 20000; ++i) text += "”\"))";
  text += ".";
  auto e = RecognizeEntities(text);
  ASSERT_TRUE(e.ok());
  auto f = ExtractFacts(text, *e, kWednesday);
  ASSERT_TRUE(f.ok()) << f.status().message();
  for (const auto& fact : f->facts)
    EXPECT_LE(fact.evidence.size(), FactOptions{}.max_sentence_bytes);
}

// A fuzzer's input on which the tagger read "@" as a person's name: no word
// to compare it by, so it is no entity, and no fact has an argument of no key
// (the facts fuzz target once failed on this).
TEST(FactsLimits, ANameOfNoWordIsNeitherAnEntityNorAFactArgument) {
  // Its bad bytes made U+FFFD, as the fuzz target does.
  auto utf8 = ToUtf8(
      testing::ReadFileOrDie(testing::FixturePath("fuzz/facts/entity-of-no-word.txt")), "utf-8");
  ASSERT_TRUE(utf8.ok());
  const std::string& text = *utf8;
  auto e = RecognizeEntities(text);
  ASSERT_TRUE(e.ok());
  ASSERT_FALSE(e->entities.empty());
  for (const auto& entity : e->entities)
    EXPECT_FALSE(NormalizeEntityName(entity.name, entity.type).empty())
        << "entity named \"" << entity.name << "\"";
  auto f = ExtractFacts(text, *e, kWednesday);
  ASSERT_TRUE(f.ok()) << f.status().message();
  for (const auto& fact : f->facts) {
    EXPECT_FALSE(fact.subject.key.empty()) << Describe(fact);
    EXPECT_FALSE(fact.object.key.empty()) << Describe(fact);
  }
}

}  // namespace
}  // namespace newsdesk
