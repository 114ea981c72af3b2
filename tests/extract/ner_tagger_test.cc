#include "extract/ner_tagger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "extract/entities.h"
#include "extract/gazetteers.h"
#include "extract/tokenizer.h"

namespace newsdesk::extract_internal {
namespace {

using Spans = std::vector<std::pair<std::string, std::string>>;  // text, type

Spans Tag(const NerTagger& tagger, std::string_view text) {
  TokenizedText tokens = Tokenize(text);
  std::vector<TaggedSpan> spans =
      tagger.TagDocument(text, tokens, Gazetteers::Default().Match(text, tokens));
  Spans out;
  for (const TaggedSpan& s : spans) {
    std::uint32_t start = tokens.tokens[s.first_token].start;
    std::uint32_t end = tokens.tokens[s.end_token - 1].end;
    out.emplace_back(std::string(text.substr(start, end - start)),
                     std::string(EntityTypeName(s.type)));
  }
  return out;
}

bool Has(const Spans& spans, const std::string& text, const std::string& type) {
  for (const auto& [t, ty] : spans)
    if (t == text && ty == type) return true;
  return false;
}

std::string Show(const Spans& spans) {
  std::string out;
  for (const auto& [t, ty] : spans) out += "[" + t + "/" + ty + "] ";
  return out;
}

// Invented people, companies and places in ordinary news prose.
constexpr std::string_view kStory =
    "Halvard Brennick, the chief executive of Quorvane Systems, said on Tuesday that the "
    "company would open a factory in Portugal. Brennick told reporters in Lisbon that "
    "Quorvane Systems expects to hire 400 people. Officials at the European Commission "
    "welcomed the plan.";

TEST(NerTagger, DefaultModelTagsPeopleCompaniesAndPlaces) {
  Spans spans = Tag(NerTagger::Default(), kStory);
  EXPECT_TRUE(Has(spans, "Halvard Brennick", "PER")) << Show(spans);
  EXPECT_TRUE(Has(spans, "Quorvane Systems", "ORG")) << Show(spans);
  EXPECT_TRUE(Has(spans, "Portugal", "LOC")) << Show(spans);
  EXPECT_TRUE(Has(spans, "Lisbon", "LOC")) << Show(spans);
  EXPECT_TRUE(Has(spans, "European Commission", "ORG")) << Show(spans);
}

// The tagger alone sees little in a headline in capitals; recognition
// (which the user sees) keeps the names the body confirms and finds them.
TEST(NerTagger, AllCapsHeadlineNamesAreRecognized) {
  std::string text = "QUORVANE SYSTEMS TO BUILD FACTORY IN PORTUGAL\n\n" + std::string(kStory);
  auto recognized = RecognizeEntities(text);
  ASSERT_TRUE(recognized.ok());
  Spans spans;
  for (const auto& m : recognized->mentions)
    spans.emplace_back(text.substr(m.start, m.end - m.start), std::string(EntityTypeName(m.type)));
  EXPECT_TRUE(Has(spans, "QUORVANE SYSTEMS", "ORG")) << Show(spans);
  EXPECT_TRUE(Has(spans, "PORTUGAL", "LOC")) << Show(spans);
  EXPECT_FALSE(Has(spans, "BUILD", "ORG")) << Show(spans);
}

TEST(NerTagger, TagsNothingInTextWithoutNames) {
  Spans spans = Tag(NerTagger::Default(), "the weather was mild and the shops stayed open late.");
  EXPECT_TRUE(spans.empty()) << Show(spans);
}

TEST(NerTagger, SaveAndFromBytesRoundTripTagsIdentically) {
  std::string bytes = NerTagger::Default().Save();
  Result<NerTagger> copy = NerTagger::FromBytes(bytes);
  ASSERT_TRUE(copy.ok()) << copy.status().message();
  EXPECT_EQ(copy->Save(), bytes);
  EXPECT_EQ(Tag(*copy, kStory), Tag(NerTagger::Default(), kStory));
}

TEST(NerTagger, FromBytesRefusesGarbage) {
  for (std::string_view bad : {std::string_view(""), std::string_view("not a model"),
                               std::string_view("NDNER001\x09\0\0\0", 12)}) {
    Result<NerTagger> r = NerTagger::FromBytes(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  }
  // A real model cut short.
  std::string bytes = NerTagger::Default().Save();
  Result<NerTagger> cut = NerTagger::FromBytes(std::string_view(bytes).substr(0, bytes.size() - 5));
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), Status::Code::kInvalidInput);
}

TEST(NerTagger, EmptyDocumentHasNoSpans) {
  EXPECT_TRUE(Tag(NerTagger::Default(), "").empty());
  TokenizedText none;
  EXPECT_TRUE(NerTagger().TagDocument("", none, {}).empty());
}

// A tiny corpus: names after "met" and "visited" are people and places.
std::string TinyCorpus() {
  const char* people[] = {"Arvo", "Belisa", "Corwin", "Dagny", "Elspeth", "Fintan"};
  const char* places[] = {"Yarrowby", "Zell", "Quenmouth", "Ostrava", "Pellham", "Mirefield"};
  std::string bio;
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 6; ++i) {
      bio += std::string("We\tO\nmet\tO\n") + people[i] + "\tB-PER\nin\tO\n" +
             places[(i + round) % 6] + "\tB-LOC\n.\tO\n\n";
    }
  return bio;
}

TEST(TrainTagger, LearnsATinyCorpus) {
  std::string bio = TinyCorpus();
  TaggerTrainingOptions options;
  options.corpora = {{"tiny", bio}};
  options.epochs = 5;
  options.min_feature_count = 1;
  Result<std::string> model = TrainTagger(options);
  ASSERT_TRUE(model.ok()) << model.status().message();
  Result<NerTagger> tagger = NerTagger::FromBytes(*model);
  ASSERT_TRUE(tagger.ok()) << tagger.status().message();
  Spans spans = Tag(*tagger, "We met Corwin in Zell.");
  EXPECT_TRUE(Has(spans, "Corwin", "PER")) << Show(spans);
  EXPECT_TRUE(Has(spans, "Zell", "LOC")) << Show(spans);

  Result<NerScores> scores = EvaluateTagger(*model, {{"tiny", bio}});
  ASSERT_TRUE(scores.ok()) << scores.status().message();
  EXPECT_GT(scores->micro.F1(), 0.99);
  EXPECT_EQ(scores->person.true_positives, 18u);
}

TEST(TrainTagger, SameInputGivesSameModel) {
  std::string bio = TinyCorpus();
  TaggerTrainingOptions options;
  options.corpora = {{"tiny", bio}};
  options.epochs = 3;
  options.min_feature_count = 1;
  Result<std::string> a = TrainTagger(options), b = TrainTagger(options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(TrainTagger, RefusesMalformedCorpusNamingTheLine) {
  TaggerTrainingOptions options;
  options.corpora = {{"broken.bio", "We\tO\nmet without a tab\n"}};
  Result<std::string> model = TrainTagger(options);
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(model.status().message().find("broken.bio:2"), std::string::npos)
      << model.status().message();
}

TEST(EvaluateTagger, ScoresWikigoldWellAboveChance) {
  std::filesystem::path path =
      std::filesystem::path(NEWSDESK_SOURCE_DIR) / "../shared/data/ner-train/wikigold.bio";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "no NER data at " << path << " (../shared/data/ner-train)";
  std::stringstream s;
  s << in.rdbuf();
  std::string bio = s.str();
  // The shipped model was trained on wikigold too: this checks the pipeline
  // end to end, not held-out quality (tools/ner_eval measures that).
  Result<NerScores> scores = EvaluateTagger(NerTagger::Default().Save(), {{"wikigold", bio}});
  ASSERT_TRUE(scores.ok()) << scores.status().message();
  EXPECT_GT(scores->micro.F1(), 0.7);
}

}  // namespace
}  // namespace newsdesk::extract_internal
