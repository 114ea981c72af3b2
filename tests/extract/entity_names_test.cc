#include <gtest/gtest.h>

#include "extract/entities.h"

namespace newsdesk {
namespace {

std::string Org(std::string_view name) {
  return NormalizeEntityName(name, EntityType::kOrganization);
}
std::string Per(std::string_view name) { return NormalizeEntityName(name, EntityType::kPerson); }

TEST(NormalizeEntityName, FoldsCaseAndCollapsesWhitespace) {
  EXPECT_EQ(Per("  Maren\t OKAFOR-LIND \n"), "maren okafor lind");
  EXPECT_EQ(Per("maren okafor lind"), "maren okafor lind");
}

TEST(NormalizeEntityName, RemovesDiacritics) {
  EXPECT_EQ(Per("Zoë Ångström-Núñez"), "zoe angstrom nunez");
  EXPECT_EQ(Per("Łukasz"), "łukasz");  // a letter of its own, not a mark: ICU keeps it
  EXPECT_EQ(Per("Straße"), "strasse");
  // Decomposed input meets precomposed input.
  EXPECT_EQ(Per("Zoe\u0308"), Per("Zo\u00eb"));
}

TEST(NormalizeEntityName, DropsPossessives) {
  EXPECT_EQ(Org("Velmora's"), "velmora");
  EXPECT_EQ(Org("Velmora\u2019s"), "velmora");
  EXPECT_EQ(Per("Orrin Vasque's"), "orrin vasque");
  // An apostrophe inside a name joins it; only a final 's is a possessive.
  EXPECT_EQ(Per("Dara O'Shea"), "dara oshea");
  EXPECT_EQ(Per("Dara O\u2019Shea"), "dara oshea");
  EXPECT_EQ(Per("Ka'sim Tor"), "kasim tor");
}

TEST(NormalizeEntityName, DropsPunctuation) {
  EXPECT_EQ(Org("Q.R.T."), "qrt");
  EXPECT_EQ(Org("Brix & Tallow"), "brix tallow");
  EXPECT_EQ(Org("B&T"), "bt");
  EXPECT_EQ(Org("\"Fennick\" (Fennick, Ltd.)"), "fennick fennick");
  EXPECT_EQ(Org("..."), "");
}

TEST(NormalizeEntityName, DropsCorporateSuffixesRepeatedly) {
  EXPECT_EQ(Org("Velmora Group Holding Ltd."), "velmora");
  EXPECT_EQ(Org("Velmora Holdings, Inc."), "velmora");
  EXPECT_EQ(Org("Kestrane Werke GmbH"), "kestrane werke");
  EXPECT_EQ(Org("Pellano S.A."), "pellano");
  EXPECT_EQ(Org("Orvik Co., Ltd."), "orvik");
  EXPECT_EQ(Org("The Drummond Tolliver Company"), "drummond tolliver");
}

TEST(NormalizeEntityName, NeverDropsAnOrganisationsWholeName) {
  EXPECT_EQ(Org("Group"), "group");
  EXPECT_EQ(Org("Holding Company"), "holding");
  EXPECT_EQ(Org("The Company"), "company");
}

TEST(NormalizeEntityName, KeepsSuffixWordsOfOtherTypes) {
  EXPECT_EQ(Per("Ana Corp"), "ana corp");
  EXPECT_EQ(NormalizeEntityName("Harlow Group", EntityType::kLocation), "harlow group");
  EXPECT_EQ(NormalizeEntityName("Siltway Labs", EntityType::kProduct), "siltway labs");
}

TEST(NormalizeEntityName, LabLabsAndLaboratoryAgree) {
  EXPECT_EQ(Org("Quillan Lab"), "quillan lab");
  EXPECT_EQ(Org("Quillan Labs"), "quillan lab");
  EXPECT_EQ(Org("Quillan Laboratory"), "quillan lab");
  EXPECT_EQ(Org("QUILLAN LABORATORIES"), "quillan lab");
  EXPECT_EQ(Org("Quillan Labs Inc."), "quillan lab");
}

TEST(NormalizeEntityName, KeepsNonLatinScripts) {
  EXPECT_EQ(Per("Ирина Волкова"), "ирина волкова");
  EXPECT_EQ(Per("ИРИНА ВОЛКОВА"), "ирина волкова");
  EXPECT_EQ(Org("星河实验室"), "星河实验室");
  EXPECT_EQ(Per("Ｖｅｌｍｏｒａ"), "velmora");  // full-width forms
  EXPECT_EQ(Per("Ελένη Παππά"), "ελενη παππα");
}

}  // namespace
}  // namespace newsdesk
