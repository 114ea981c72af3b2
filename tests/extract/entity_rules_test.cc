// The exact rules, on invented sentences about invented companies and people.
#include "extract/entity_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/tokenizer.h"

namespace newsdesk::extract_internal {
namespace {

std::string_view Slice(std::string_view text, std::uint32_t start, std::uint32_t end) {
  return text.substr(start, end - start);
}

// "EXCHANGE:SYMBOL=text" for each ticker, for short assertions.
std::vector<std::string> Tickers(std::string_view text) {
  std::vector<std::string> out;
  for (const TickerMention& t : FindTickers(text, Tokenize(text))) {
    out.push_back(t.exchange + ":" + t.symbol + "=" + std::string(Slice(text, t.start, t.end)));
  }
  return out;
}

// "long=short" for each acronym definition.
std::vector<std::string> Acronyms(std::string_view text) {
  std::vector<std::string> out;
  for (const AcronymDefinition& a : FindAcronymDefinitions(text, Tokenize(text))) {
    out.push_back(std::string(Slice(text, a.long_start, a.long_end)) + "=" +
                  std::string(Slice(text, a.short_start, a.short_end)));
  }
  return out;
}

// "person|role|org" for each role mention.
std::vector<std::string> Roles(std::string_view text) {
  std::vector<std::string> out;
  for (const RoleMention& r : FindRoles(text, Tokenize(text))) {
    out.push_back(std::string(Slice(text, r.person_start, r.person_end)) + "|" + r.role + "|" +
                  std::string(Slice(text, r.org_start, r.org_end)));
  }
  return out;
}

std::vector<std::string> Products(std::string_view text) {
  std::vector<std::string> out;
  for (const ProductMention& p : FindProducts(text, Tokenize(text))) {
    out.push_back(std::string(Slice(text, p.start, p.end)));
  }
  return out;
}

using Strings = std::vector<std::string>;

// ---- tickers ---------------------------------------------------------------

TEST(TickerRules, ExchangeColonSymbolInParentheses) {
  EXPECT_EQ(Tickers("Shares of Brindle Robotics (NYSE: BRND) rose."), Strings{"NYSE:BRND=BRND"});
  EXPECT_EQ(Tickers("Quellmark (NASDAQ:QMRK) fell."), Strings{"NASDAQ:QMRK=QMRK"});
  EXPECT_EQ(Tickers("Tarnwell Inc. (Nasdaq: TRNW) slipped."), Strings{"NASDAQ:TRNW=TRNW"});
}

TEST(TickerRules, ContextStartsAtTheParenthesis) {
  const std::string_view text = "Brindle Robotics (NYSE: BRND) rose.";
  const std::vector<TickerMention> t = FindTickers(text, Tokenize(text));
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].context_start, text.find('('));
}

TEST(TickerRules, NumericHongKongCodes) {
  EXPECT_EQ(Tickers("Its Hong Kong shares (9977.HK) gained 2%."), Strings{"HKEX:9977=9977.HK"});
  EXPECT_EQ(Tickers("The stock, listed as HKEX: 9977, gained."), Strings{"HKEX:9977=9977"});
  EXPECT_EQ(Tickers("Brindle (NYSE: BRND, HKEX: 9977) rose."),
            (Strings{"NYSE:BRND=BRND", "HKEX:9977=9977"}));
}

TEST(TickerRules, CashtagSymbol) {
  EXPECT_EQ(Tickers("Traders piled into $QMRK on Friday."), Strings{":QMRK=QMRK"});
}

TEST(TickerRules, DollarAmountsAreNotCashtags) {
  EXPECT_TRUE(Tickers("It raised $US 40 million and $5 billion.").empty());
}

TEST(TickerRules, CapitalsAfterASuffixedCompanyAreATicker) {
  // "ACMH" is not "Acme Holdings" spelt by initials ("AH"): a ticker.
  EXPECT_EQ(Tickers("Acme Holdings (ACMH) posted a loss."), Strings{":ACMH=ACMH"});
  EXPECT_EQ(Tickers("Shares in Brindle (BRND) jumped."), Strings{":BRND=BRND"});
}

TEST(TickerRules, CapitalsSpeltByInitialsAreAnAcronymNotATicker) {
  EXPECT_TRUE(Tickers("Acme Holdings (AH) posted a loss on its shares.").empty());
  EXPECT_EQ(Acronyms("Acme Holdings (AH) posted a loss."), Strings{"Acme Holdings=AH"});
}

TEST(TickerRules, OrdinaryParenthesesAreNotTickers) {
  // A news agency after a dateline is an organisation, not a share.
  EXPECT_TRUE(Tickers("OSLO (AP) Talks resumed on Monday.").empty());
  EXPECT_TRUE(Tickers("The report (2024) was late.").empty());
  EXPECT_TRUE(Tickers("The figures (see above) were revised.").empty());
  // Capitals with no company or market around them.
  EXPECT_TRUE(Tickers("Linda Marsh (LM) wrote the foreword.").empty());
  EXPECT_TRUE(Tickers("Talks in Geneva (US) stalled.").empty());
  // Institutions are shortened in ways their initials do not show.
  EXPECT_TRUE(Tickers("Staff of the Brindle Institute of Technology (BT) sold shares.").empty());
}

// ---- acronyms --------------------------------------------------------------

TEST(AcronymRules, LongNameThenAcronym) {
  EXPECT_EQ(Acronyms("Brindle formed the Brindle Token Exchange (BTE) last week."),
            Strings{"Brindle Token Exchange=BTE"});
}

TEST(AcronymRules, FunctionWordsMayBeSkipped) {
  EXPECT_EQ(Acronyms("The Office for Harbour Safety (OHS) said so."),
            Strings{"Office for Harbour Safety=OHS"});
  EXPECT_EQ(Acronyms("A Bureau of Quiet Streets (BQS) opened."),
            Strings{"Bureau of Quiet Streets=BQS"});
}

TEST(AcronymRules, FunctionWordsMayGiveALetter) {
  EXPECT_EQ(Acronyms("The Department of Tides (DoT) agreed."), Strings{"Department of Tides=DoT"});
}

TEST(AcronymRules, AcronymThenLongName) {
  EXPECT_EQ(Acronyms("Later QTL (Quellmark Tide Lab) replied."), Strings{"Quellmark Tide Lab=QTL"});
}

TEST(AcronymRules, InitialsOfWordParts) {
  EXPECT_EQ(Acronyms("The DeepHarbor Lab (DHL) hired staff."), Strings{"DeepHarbor Lab=DHL"});
  EXPECT_EQ(Acronyms("The Bio-Tide Council (BTC) met."), Strings{"Bio-Tide Council=BTC"});
}

TEST(AcronymRules, AnExWordMayGiveAnX) {
  EXPECT_EQ(Acronyms("They run the Tallow Grain Exchange (TGX) from Leeds."),
            Strings{"Tallow Grain Exchange=TGX"});
  EXPECT_TRUE(Acronyms("They run the Tallow Grain Exchange (TGZ) from Leeds.").empty());
}

TEST(AcronymRules, CommaOrForm) {
  EXPECT_EQ(Acronyms("The Northern Tide Authority, or NTA, agreed."),
            Strings{"Northern Tide Authority=NTA"});
}

TEST(AcronymRules, LowercaseAndMismatchedAreNot) {
  EXPECT_TRUE(Acronyms("The Brindle Token Exchange (bte) opened.").empty());
  EXPECT_TRUE(Acronyms("The Brindle Token Exchange (QX) opened.").empty());
  EXPECT_TRUE(Acronyms("The report (2024) was late.").empty());
  EXPECT_TRUE(Acronyms("Prices (see above) rose.").empty());
  EXPECT_TRUE(Acronyms("the token exchange (TE) opened.").empty());
}

// ---- roles -----------------------------------------------------------------

TEST(RoleRules, TitleBeforeName) {
  EXPECT_EQ(Roles("CEO Linda Marsh spoke first."), Strings{"Linda Marsh|chief executive|"});
  EXPECT_EQ(Roles("Chief Executive Linda Marsh spoke."), Strings{"Linda Marsh|chief executive|"});
  EXPECT_EQ(Roles("We met Dr. Ana Ruiz there."), Strings{"Ana Ruiz|doctor|"});
  EXPECT_EQ(Roles("On Monday President Okonkwo arrived."), Strings{"Okonkwo|president|"});
}

TEST(RoleRules, NameCommaRoleOfCompany) {
  EXPECT_EQ(Roles("Linda Marsh, chief executive of Brindle Robotics, said so."),
            Strings{"Linda Marsh|chief executive|Brindle Robotics"});
  EXPECT_EQ(Roles("Peter Vance, the CEO of Quellmark Inc., declined."),
            Strings{"Peter Vance|chief executive|Quellmark Inc."});
}

TEST(RoleRules, CompanyPossessiveRoleThenName) {
  EXPECT_EQ(Roles("Brindle's chief executive, Linda Marsh, said so."),
            Strings{"Linda Marsh|chief executive|Brindle"});
  EXPECT_EQ(Roles("Tarnwell's CEO Peter Vance resigned."),
            Strings{"Peter Vance|chief executive|Tarnwell"});
}

TEST(RoleRules, NameCommaCompanyPossessiveRole) {
  EXPECT_EQ(Roles("Linda Marsh, Brindle's CEO, said so."),
            Strings{"Linda Marsh|chief executive|Brindle"});
}

TEST(RoleRules, CompanyBeforeRole) {
  EXPECT_EQ(Roles("Quellmark chief executive Peter Vance said so."),
            Strings{"Peter Vance|chief executive|Quellmark"});
}

TEST(RoleRules, MultiWordTitlesAndNameParticles) {
  EXPECT_EQ(Roles("Attorney General Ana de Souza objected."),
            Strings{"Ana de Souza|attorney general|"});
  EXPECT_EQ(Roles("Prime Minister Omar al-Rashidi spoke."),
            Strings{"Omar al-Rashidi|prime minister|"});
}

TEST(RoleRules, PlacesAreNotOrganisations) {
  EXPECT_EQ(Roles("Norway's prime minister, Linda Marsh, spoke."),
            Strings{"Linda Marsh|prime minister|"});
  EXPECT_EQ(Roles("Linda Marsh, president of Norway, spoke."), Strings{"Linda Marsh|president|"});
}

TEST(RoleRules, NotAPerson) {
  EXPECT_TRUE(Roles("The president said nothing.").empty());
  EXPECT_TRUE(Roles("CEO Summit Meeting was held.").empty());
  EXPECT_TRUE(Roles("President Tarnwell Corp. was sold.").empty());
  EXPECT_TRUE(Roles("The chief executive will speak on Monday.").empty());
  EXPECT_TRUE(Roles("Captain America returned.").empty());
  EXPECT_EQ(Roles("Linda Marsh and Peter Vance, chief executive of Brindle, met."),
            Strings{"Peter Vance|chief executive|Brindle"});
}

// ---- products --------------------------------------------------------------

TEST(ProductRules, NounAfterName) {
  EXPECT_EQ(Products("Users liked the Zephyrix app."), Strings{"Zephyrix"});
  EXPECT_EQ(Products("Brindle showed its Kestrel model to investors."), Strings{"Kestrel"});
  EXPECT_EQ(Products("Sales of the Vantor smartphone rose."), Strings{"Vantor"});
  EXPECT_EQ(Products("It ships the Corvel 2 chip next year."), Strings{"Corvel 2"});
  EXPECT_EQ(Products("The Halden-3 model family is large."), Strings{"Halden-3"});
}

TEST(ProductRules, LaunchVerb) {
  EXPECT_EQ(Products("Quellmark launched Kestrel on Tuesday."), Strings{"Kestrel"});
}

TEST(ProductRules, VersionNumber) {
  EXPECT_EQ(Products("Many tried Kestrel 2.5 this week."), Strings{"Kestrel 2.5"});
  EXPECT_EQ(Products("Buyers queued for the iPhone 15 today."), Strings{"iPhone 15"});
}

TEST(ProductRules, NotProducts) {
  EXPECT_TRUE(Products("The French app market grew.").empty());
  EXPECT_TRUE(Products("Quellmark launched in March.").empty());
  EXPECT_TRUE(Products("Shares rose 2.5 percent.").empty());
  EXPECT_TRUE(Products("Quellmark launched Brindle Robotics Ltd. in 2019.").empty());
  EXPECT_TRUE(Products("Police released Linda Marsh on Friday.").empty());
  EXPECT_TRUE(Products("It opened in Geneva 2.5 km away.").empty());
}

TEST(EntityRules, TruncatedPatternsAtTheEndOfTextAreSafe) {
  for (std::string_view text :
       {"(", "( SEC", "Brindle (", "NYSE:", "NYSE :", "$", "Acme, or", "CEO", "Linda Marsh,",
        "launched", "the Zed", "Zed 2.5", "Acme's", "))((", "(A)", "DoT (D", "\xff\xfe(AB)"}) {
    const TokenizedText tokens = Tokenize(text);
    EXPECT_NO_FATAL_FAILURE(FindTickers(text, tokens));
    EXPECT_NO_FATAL_FAILURE(FindAcronymDefinitions(text, tokens));
    EXPECT_NO_FATAL_FAILURE(FindRoles(text, tokens));
    EXPECT_NO_FATAL_FAILURE(FindProducts(text, tokens));
  }
}

TEST(EntityRules, EmptyTextFindsNothing) {
  const TokenizedText none = Tokenize("");
  EXPECT_TRUE(FindTickers("", none).empty());
  EXPECT_TRUE(FindAcronymDefinitions("", none).empty());
  EXPECT_TRUE(FindRoles("", none).empty());
  EXPECT_TRUE(FindProducts("", none).empty());
}

}  // namespace
}  // namespace newsdesk::extract_internal
