// Private to cli/: how records look to people (tables) and to machines (JSON).
// The JSON shapes are a contract documented in docs/json.md; keep them stable.
#ifndef NEWSDESK_CLI_OUTPUT_H_
#define NEWSDESK_CLI_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "ingest/ingest.h"
#include "store/store.h"

namespace newsdesk::cli {

// "2026-10-14 07:30" (UTC), or "undated" for nullopt.
std::string HumanTime(std::optional<UnixSeconds> t);
// "verified by 1 source, 1 independent" / "verified by 5 sources, 3 independent".
std::string VerifiedBy(const StorySummary& s);

nlohmann::json ArticleBriefJson(const StoredArticle& a);
nlohmann::json ArticleJson(const StoredArticle& a);
nlohmann::json StoryJson(const StoryDetail& story);
nlohmann::json ExtractedJson(const Article& a);
nlohmann::json IngestJson(const IngestSummary& s, const std::string& db);
nlohmann::json StatsJson(const StoreStats& s, const std::string& db);
nlohmann::json SourceJson(const SourceState& s);
nlohmann::json FeedJson(const Feed& f);
nlohmann::json EntitySummaryJson(const EntitySummary& e);
nlohmann::json EntityDetailJson(const EntityDetail& e);
nlohmann::json FactJson(const FactSummary& f);
nlohmann::json ClaimCheckJson(std::string_view claim, const ClaimCheck& c);
std::string FactText(const FactSummary& f, bool with_evidence);
std::string ClaimCheckText(std::string_view claim, const ClaimCheck& c);
// `newsdesk tag`: the mentions of `text` and the entities they name.
nlohmann::json TagJson(std::string_view text, const DocumentEntities& e);

// `newsdesk search`: what was asked (with the entities the names found),
// then the hits.
struct SearchRequest {
  SearchQuery query;
  std::vector<EntitySummary> entities;  // every entity of query.entities
};
nlohmann::json SearchJson(const SearchRequest& request, const SearchResults& results);
// `emphasis` marks matching words: bold for a terminal, else [brackets].
enum class Emphasis { kBold, kBrackets };
std::string SearchText(const SearchRequest& request, const SearchResults& results,
                       Emphasis emphasis);

// `newsdesk entities --prefix`: each completion with its entity.
struct Completion {
  AliasCompletion alias;
  EntitySummary entity;
};
nlohmann::json CompletionsJson(const std::string& prefix, const std::vector<Completion>& c);
std::string CompletionsText(const std::string& prefix, const std::vector<Completion>& c);

std::string StoriesText(const std::vector<StorySummary>& stories);
std::string StoryText(const StoryDetail& story);
std::string ArticleText(const StoredArticle& a);
std::string ExtractedText(const Article& a);
std::string IngestText(const IngestSummary& s, const std::string& db);
std::string StatsText(const StoreStats& s, const std::string& db);
std::string SourcesText(const std::vector<SourceState>& sources);
std::string FeedText(const Feed& f);
std::string EntitiesText(const std::vector<EntitySummary>& entities);
std::string EntityDetailText(const EntityDetail& e);
// "no entity named X" and what the user may have meant.
std::string EntitySuggestionsText(const std::string& name, const std::vector<EntitySummary>& s);
std::string TagText(std::string_view text, const DocumentEntities& e);

}  // namespace newsdesk::cli

#endif  // NEWSDESK_CLI_OUTPUT_H_
