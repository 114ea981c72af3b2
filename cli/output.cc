#include "cli/output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace newsdesk::cli {

using nlohmann::json;

namespace {
json TimeJson(std::optional<UnixSeconds> t) { return t ? json(FormatIsoUtc(*t)) : json(nullptr); }

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += sep;
    out += i;
  }
  return out;
}

std::string Plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}
}  // namespace

std::string HumanTime(std::optional<UnixSeconds> t) {
  if (!t) return "undated";
  std::string iso = FormatIsoUtc(*t);  // 2026-10-14T07:30:00Z
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::string VerifiedBy(const StorySummary& s) {
  return fmt::format("verified by {}, {} independent", Plural(s.sources(), "source", "sources"),
                     s.independent);
}

json ArticleBriefJson(const StoredArticle& a) {
  return {{"id", a.id},
          {"url", a.article.canonical_url},
          {"outlet", a.article.outlet},
          {"origin", a.Origin()},
          {"title", a.article.title},
          {"published", TimeJson(a.article.published)}};
}

json ArticleJson(const StoredArticle& a) {
  auto minutes = [](std::optional<int> m) { return m ? json(*m) : json(nullptr); };
  const Article& x = a.article;
  return {{"id", a.id},
          {"url", x.url},
          {"canonical_url", x.canonical_url},
          {"outlet", x.outlet},
          {"origin", a.Origin()},
          {"title", x.title},
          {"byline", x.byline},
          {"authors", x.authors},
          {"published", TimeJson(x.published)},
          {"published_utc_offset_minutes", minutes(x.published_utc_offset_minutes)},
          {"modified", TimeJson(x.modified)},
          {"modified_utc_offset_minutes", minutes(x.modified_utc_offset_minutes)},
          {"language", x.language},
          {"image", x.image.empty() ? json(nullptr) : json(x.image)},
          {"section", x.section},
          {"keywords", x.keywords},
          {"story", a.story},
          {"from_feed", a.article.from_feed},
          {"ingested_at", FormatIsoUtc(a.ingested_at)},
          {"text", a.article.text}};
}

json StoryJson(const StoryDetail& story) {
  const StorySummary& s = story.summary;
  json articles = json::array();
  for (const auto& a : story.articles) articles.push_back(ArticleBriefJson(a));
  json entities = json::array();
  for (const StoryEntity& e : s.entities) {
    entities.push_back({{"id", e.id},
                        {"name", e.name},
                        {"type", EntityTypeName(e.type)},
                        {"mentions", e.mentions}});
  }
  return {{"id", s.id},
          {"title", s.title},
          {"sources", s.sources()},
          {"independent", s.independent},
          {"outlets", s.outlets},
          {"article_count", s.article_count},
          {"first_seen", FormatIsoUtc(s.first_seen)},
          {"last_seen", FormatIsoUtc(s.last_seen)},
          {"entities", std::move(entities)},
          {"articles", std::move(articles)}};
}

json ExtractedJson(const Article& a) {
  auto minutes = [](std::optional<int> m) { return m ? json(*m) : json(nullptr); };
  return {{"url", a.url},
          {"canonical_url", a.canonical_url},
          {"title", a.title},
          {"byline", a.byline},
          {"authors", a.authors},
          {"published", TimeJson(a.published)},
          {"published_utc_offset_minutes", minutes(a.published_utc_offset_minutes)},
          {"modified", TimeJson(a.modified)},
          {"modified_utc_offset_minutes", minutes(a.modified_utc_offset_minutes)},
          {"outlet", a.outlet},
          {"language", a.language},
          {"image", a.image.empty() ? json(nullptr) : json(a.image)},
          {"section", a.section},
          {"keywords", a.keywords},
          {"charset", a.charset},
          {"text", a.text},
          {"status", "ok"}};
}

json IngestJson(const IngestSummary& s, const std::string& db) {
  json failed = json::array();
  for (const auto& f : s.failures) {
    failed.push_back({{"input", f.input}, {"error", f.status.message()}});
  }
  return {{"database", db},
          {"sources", s.sources},
          {"not_modified", s.not_modified},
          {"inputs", s.inputs},
          {"stored", s.stored()},
          {"added", s.added},
          {"updated", s.updated},
          {"from_feed", s.from_feed},
          {"duplicates", s.duplicates},
          {"failed", std::move(failed)}};
}

json StatsJson(const StoreStats& s, const std::string& db) {
  return {{"database", db},
          {"schema_version", kSchemaVersion},
          {"articles", s.articles},
          {"stories", s.stories},
          {"multi_source_stories", s.multi_source_stories},
          {"outlets", s.outlets},
          {"entities", s.entities},
          {"bytes_on_disk", s.bytes_on_disk}};
}

// "Ilse Brannvik (PER), Esker Ford (LOC)".
std::string EntityNames(const std::vector<StoryEntity>& entities) {
  std::vector<std::string> names;
  for (const StoryEntity& e : entities) {
    names.push_back(fmt::format("{} ({})", e.name, EntityTypeName(e.type)));
  }
  return Join(names, ", ");
}

std::string StoriesText(const std::vector<StorySummary>& stories) {
  if (stories.empty()) return "no stories\n";
  std::string out;
  for (const StorySummary& s : stories) {
    std::string span = HumanTime(s.first_seen);
    if (s.last_seen != s.first_seen) span += " → " + HumanTime(s.last_seen);
    out += fmt::format("#{:<4} {}\n", s.id, s.title);
    out += fmt::format("      {} · {} · {} UTC\n", VerifiedBy(s),
                       Plural(s.article_count, "article", "articles"), span);
    out += fmt::format("      {}\n", Join(s.outlets, ", "));
    if (!s.entities.empty()) out += fmt::format("      {}\n", EntityNames(s.entities));
    out += "\n";
  }
  return out;
}

std::string StoryText(const StoryDetail& d) {
  const StorySummary& s = d.summary;
  std::string out = fmt::format("story #{}: {}\n{} · {} · {} → {} UTC\n\n", s.id, s.title,
                                VerifiedBy(s), Plural(s.article_count, "article", "articles"),
                                HumanTime(s.first_seen), HumanTime(s.last_seen));
  if (!s.entities.empty()) out += fmt::format("entities: {}\n\n", EntityNames(s.entities));
  // The outlet column as wide as its longest name (at most 32 characters).
  std::size_t width = 0;
  for (const auto& a : d.articles) {
    std::size_t characters = 0;  // UTF-8 code points, as fmt pads
    for (unsigned char c : a.article.outlet) characters += (c & 0xC0) != 0x80;
    width = std::max(width, std::min<std::size_t>(32, characters));
  }
  for (const auto& a : d.articles) {
    out += fmt::format("  {:<16}  {:<{}}  #{} {}\n", HumanTime(a.article.published),
                       a.article.outlet, width, a.id, a.article.title);
    // A copy or a credited wire text: whose report it is.
    if (!a.origin.empty())
      out += fmt::format("  {:<16}  {:<{}}  via {}\n", "", "", width, a.origin);
    out += fmt::format("  {:<16}  {}\n", "", a.article.canonical_url);
  }
  return out;
}

std::string ArticleText(const StoredArticle& a) {
  const Article& x = a.article;
  std::string out = fmt::format("article #{}: {}\n", a.id, x.title);
  out += fmt::format("  outlet     {}\n", x.outlet);
  out += fmt::format("  published  {}\n", HumanTime(x.published));
  if (x.modified) out += fmt::format("  modified   {}\n", HumanTime(x.modified));
  if (!x.byline.empty()) out += fmt::format("  byline     {}\n", x.byline);
  if (!x.section.empty()) out += fmt::format("  section    {}\n", x.section);
  if (!x.keywords.empty()) out += fmt::format("  keywords   {}\n", Join(x.keywords, ", "));
  if (!x.image.empty()) out += fmt::format("  image      {}\n", x.image);
  out += fmt::format("  url        {}\n", x.canonical_url);
  if (x.url != x.canonical_url) out += fmt::format("  read from  {}\n", x.url);
  if (!a.origin.empty()) out += fmt::format("  origin     {}\n", a.origin);
  out += fmt::format("  story      #{}\n\n{}\n", a.story, x.text);
  return out;
}

std::string ExtractedText(const Article& x) {
  // "2026-10-14 07:30 (UTC+02:00)": the zone the page wrote the time in.
  auto when = [](std::optional<UnixSeconds> t, std::optional<int> offset) {
    std::string s = HumanTime(t);
    if (t && offset) {
      int m = *offset < 0 ? -*offset : *offset;
      s += fmt::format(" (UTC{}{:02}:{:02})", *offset < 0 ? '-' : '+', m / 60, m % 60);
    }
    return s;
  };
  std::string out = fmt::format("title      {}\n", x.title);
  out += fmt::format("outlet     {}\n", x.outlet);
  out += fmt::format("published  {}\n", when(x.published, x.published_utc_offset_minutes));
  if (x.modified) {
    out += fmt::format("modified   {}\n", when(x.modified, x.modified_utc_offset_minutes));
  }
  if (!x.byline.empty()) out += fmt::format("byline     {}\n", x.byline);
  if (!x.language.empty()) out += fmt::format("language   {}\n", x.language);
  if (!x.section.empty()) out += fmt::format("section    {}\n", x.section);
  if (!x.keywords.empty()) out += fmt::format("keywords   {}\n", Join(x.keywords, ", "));
  if (!x.image.empty()) out += fmt::format("image      {}\n", x.image);
  if (!x.charset.empty()) out += fmt::format("charset    {}\n", x.charset);
  out += fmt::format("url        {}\n\n{}\n", x.canonical_url, x.text);
  return out;
}

json EntitySummaryJson(const EntitySummary& e) {
  auto counts = [](const std::vector<NameCount>& v) {
    json out = json::array();
    for (const auto& c : v) out.push_back({{"name", c.name}, {"count", c.count}});
    return out;
  };
  return {{"id", e.id},
          {"name", e.name},
          {"type", EntityTypeName(e.type)},
          {"aliases", counts(e.aliases)},
          {"tickers", counts(e.tickers)},
          {"outlets", counts(e.outlets)},
          {"mentions", e.mentions},
          {"articles", e.articles},
          {"first_seen", FormatIsoUtc(e.first_seen)},
          {"last_seen", FormatIsoUtc(e.last_seen)}};
}

json EntityDetailJson(const EntityDetail& d) {
  json out = EntitySummaryJson(d.summary);
  json articles = json::array();
  for (const auto& a : d.articles) {
    articles.push_back({{"id", a.id},
                        {"title", a.title},
                        {"outlet", a.outlet},
                        {"published", TimeJson(a.published)},
                        {"mentions", a.mentions}});
  }
  json co = json::array();
  for (const auto& c : d.co_mentioned) {
    co.push_back({{"id", c.id},
                  {"name", c.name},
                  {"type", EntityTypeName(c.type)},
                  {"shared_articles", c.shared_articles}});
  }
  json stories = json::array();
  for (const auto& s : d.stories) {
    stories.push_back({{"id", s.id},
                       {"title", s.title},
                       {"sources", s.sources()},
                       {"independent", s.independent},
                       {"article_count", s.article_count},
                       {"last_seen", FormatIsoUtc(s.last_seen)}});
  }
  out["recent_articles"] = std::move(articles);
  out["co_mentioned"] = std::move(co);
  out["stories"] = std::move(stories);
  return out;
}

std::string EntitiesText(const std::vector<EntitySummary>& entities) {
  if (entities.empty()) return "no entities\n";
  std::string out = fmt::format("{:>8} {:>8} {:>7}  {:<8} {}\n", "mentions", "articles", "outlets",
                                "type", "name");
  for (const auto& e : entities) {
    out += fmt::format("{:>8} {:>8} {:>7}  {:<8} {}\n", e.mentions, e.articles, e.outlets.size(),
                       EntityTypeName(e.type), e.name);
  }
  return out;
}

namespace {
std::string CountsText(const std::vector<NameCount>& v, std::size_t limit = 8) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < v.size() && i < limit; ++i)
    parts.push_back(fmt::format("{} ({})", v[i].name, v[i].count));
  if (v.size() > limit) parts.push_back(fmt::format("{} more", v.size() - limit));
  return Join(parts, ", ");
}
}  // namespace

std::string EntityDetailText(const EntityDetail& d) {
  const EntitySummary& e = d.summary;
  std::string out = fmt::format("{}  {}  #{}\n", e.name, EntityTypeName(e.type), e.id);
  std::vector<NameCount> others;
  for (const auto& a : e.aliases)
    if (a.name != e.name) others.push_back(a);
  if (!others.empty()) out += fmt::format("  also        {}\n", CountsText(others));
  if (!e.tickers.empty()) out += fmt::format("  tickers     {}\n", CountsText(e.tickers));
  out += fmt::format("  mentioned   {} in {} from {}\n", Plural(e.mentions, "time", "times"),
                     Plural(e.articles, "article", "articles"),
                     Plural(e.outlets.size(), "outlet", "outlets"));
  out += fmt::format("  outlets     {}\n", CountsText(e.outlets));
  out +=
      fmt::format("  seen        {} → {} UTC\n", HumanTime(e.first_seen), HumanTime(e.last_seen));
  if (!d.co_mentioned.empty()) {
    std::vector<std::string> parts;
    for (const auto& c : d.co_mentioned)
      parts.push_back(fmt::format("{} ({})", c.name, c.shared_articles));
    out += fmt::format("  with        {}\n", Join(parts, ", "));
  }
  if (!d.stories.empty()) {
    out += "  stories\n";
    for (const auto& s : d.stories)
      out += fmt::format("    #{:<4} {} · {}\n", s.id, s.title, VerifiedBy(s));
  }
  if (!d.articles.empty()) {
    out += "  articles\n";
    for (const auto& a : d.articles)
      out +=
          fmt::format("    {}  {} · {} (#{})\n", HumanTime(a.published), a.outlet, a.title, a.id);
  }
  return out;
}

std::string EntitySuggestionsText(const std::string& name, const std::vector<EntitySummary>& s) {
  std::string out = fmt::format("no entity named \"{}\"\n", name);
  if (s.empty()) return out;
  out += "did you mean:\n";
  for (const auto& e : s)
    out += fmt::format("  {}  {} ({})\n", e.name, EntityTypeName(e.type),
                       Plural(e.mentions, "mention", "mentions"));
  return out;
}

json TagJson(std::string_view text, const DocumentEntities& e) {
  json mentions = json::array();
  for (const auto& m : e.mentions) {
    mentions.push_back({{"start", m.start},
                        {"end", m.end},
                        {"text", std::string(text.substr(m.start, m.end - m.start))},
                        {"type", EntityTypeName(m.type)},
                        {"entity", m.entity}});
  }
  json entities = json::array();
  for (const auto& x : e.entities) {
    entities.push_back({{"name", x.name},
                        {"type", EntityTypeName(x.type)},
                        {"aliases", x.aliases},
                        {"tickers", x.tickers},
                        {"mentions", x.mention_count}});
  }
  return {{"mentions", mentions}, {"entities", entities}};
}

std::string TagText(std::string_view text, const DocumentEntities& e) {
  std::string out;
  for (const auto& m : e.mentions) {
    auto said = text.substr(m.start, m.end - m.start);
    const auto& entity = e.entities[m.entity];
    out += fmt::format("{:>7}-{:<7} {:<8} {}", m.start, m.end, EntityTypeName(m.type), said);
    if (entity.name != said) out += fmt::format("  → {}", entity.name);
    out += '\n';
  }
  if (e.entities.empty()) return "no entities\n";
  out += fmt::format("\n{}:\n", Plural(e.entities.size(), "entity", "entities"));
  for (const auto& x : e.entities) {
    out += fmt::format("  {:<8} {} ({})", EntityTypeName(x.type), x.name,
                       Plural(x.mention_count, "mention", "mentions"));
    std::vector<std::string> also = x.aliases;
    also.insert(also.end(), x.tickers.begin(), x.tickers.end());
    if (!also.empty()) out += fmt::format("  also {}", Join(also, ", "));
    out += '\n';
  }
  return out;
}

std::string IngestText(const IngestSummary& s, const std::string& db) {
  std::string out;
  if (s.sources > 0) {
    out += fmt::format("fetched {}", Plural(s.sources, "source", "sources"));
    if (s.not_modified > 0) out += fmt::format(" ({} not modified)", s.not_modified);
    out += "; ";
  }
  out += fmt::format("ingested {}", Plural(s.stored(), "article", "articles"));
  std::vector<std::string> detail;
  if (s.updated > 0) detail.push_back(fmt::format("{} new, {} updated", s.added, s.updated));
  if (s.from_feed > 0) detail.push_back(fmt::format("{} from feed text", s.from_feed));
  if (!detail.empty()) out += " (" + Join(detail, ", ") + ")";
  out += fmt::format(", {}, {} failed into {}\n", Plural(s.duplicates, "duplicate", "duplicates"),
                     s.failures.size(), db);
  for (const auto& f : s.failures) {
    out += fmt::format("  failed: {}: {}\n", f.input, f.status.message());
  }
  return out;
}

std::string StatsText(const StoreStats& s, const std::string& db) {
  return fmt::format(
      "database   {} (schema {}, {:.1f} MB)\narticles   {}\nstories    {} ({} verified by two "
      "or more sources)\noutlets    {}\nentities   {}\n",
      db, kSchemaVersion, static_cast<double>(s.bytes_on_disk) / 1e6, s.articles, s.stories,
      s.multi_source_stories, s.outlets, s.entities);
}

json SourceJson(const SourceState& s) {
  return {{"url", s.url},
          {"kind", s.kind},
          {"title", s.title},
          {"tags", s.tags},
          {"last_fetch", TimeJson(s.last_fetch)},
          {"last_success", TimeJson(s.last_success)},
          {"last_status", s.last_status},
          {"last_error", s.last_error},
          {"fetches", s.fetches},
          {"failures", s.failures},
          {"articles_found", s.articles_found},
          {"recent_errors", s.recent_errors}};
}

std::string SourcesText(const std::vector<SourceState>& sources) {
  if (sources.empty()) return "no sources\n";
  std::string out;
  for (const SourceState& s : sources) {
    out += fmt::format("{}\n", s.url);
    std::string title = s.title.empty() ? "" : fmt::format("{} · ", s.title);
    std::string kind = s.kind.empty() ? "" : fmt::format("{} · ", s.kind);
    out +=
        fmt::format("    {}{}{} found · last fetch {} ({}) · last success {}\n", kind, title,
                    Plural(s.articles_found, "article", "articles"), HumanTime(s.last_fetch),
                    s.last_status == 0 ? std::string("no answer") : std::to_string(s.last_status),
                    s.last_success ? HumanTime(s.last_success) : std::string("never"));
    for (const std::string& e : s.recent_errors) out += fmt::format("    error: {}\n", e);
  }
  return out;
}

json FeedJson(const Feed& f) {
  json entries = json::array();
  for (const FeedEntry& e : f.entries) {
    json enclosures = json::array();
    for (const FeedEnclosure& x : e.enclosures) {
      enclosures.push_back({{"url", x.url},
                            {"type", x.type},
                            {"length", x.length ? json(*x.length) : json(nullptr)}});
    }
    entries.push_back({{"title", e.title},
                       {"link", e.link},
                       {"id", e.id},
                       {"published", TimeJson(e.published)},
                       {"updated", TimeJson(e.updated)},
                       {"author", e.author},
                       {"summary", e.summary},
                       {"content", e.content},
                       {"enclosures", std::move(enclosures)}});
  }
  return {{"version", f.version},
          {"title", f.title},
          {"link", f.link},
          {"ill_formed", f.ill_formed},
          {"ill_formed_reason", f.ill_formed_reason},
          {"entries", std::move(entries)}};
}

std::string FeedText(const Feed& f) {
  std::string out = fmt::format("{} ({}) · {}\n", f.title.empty() ? "(untitled feed)" : f.title,
                                f.version.empty() ? "unknown format" : f.version,
                                Plural(f.entries.size(), "entry", "entries"));
  if (!f.link.empty()) out += f.link + "\n";
  if (f.ill_formed) out += fmt::format("ill-formed: {}\n", f.ill_formed_reason);
  out += "\n";
  for (const FeedEntry& e : f.entries) {
    out += fmt::format("  {:<16}  {}\n  {:<16}  {}\n",
                       HumanTime(e.published ? e.published : e.updated), e.title, "", e.link);
  }
  return out;
}

namespace {

json SpansJson(const std::vector<TextSpan>& spans) {
  json out = json::array();
  for (const TextSpan& s : spans) out.push_back({{"start", s.start}, {"end", s.end}});
  return out;
}

std::string Emphasized(const std::string& text, const std::vector<TextSpan>& spans,
                       Emphasis emphasis) {
  const std::string_view open = emphasis == Emphasis::kBold ? "\033[1m" : "[";
  const std::string_view close = emphasis == Emphasis::kBold ? "\033[0m" : "]";
  std::string out;
  std::size_t at = 0;
  for (const TextSpan& s : spans) {
    out.append(text, at, s.start - at);
    out += open;
    out.append(text, s.start, s.end - s.start);
    out += close;
    at = s.end;
  }
  out.append(text, at);
  return out;
}

}  // namespace

json SearchJson(const SearchRequest& request, const SearchResults& results) {
  const SearchQuery& q = request.query;
  json entities = json::array();
  for (const EntitySummary& e : request.entities)
    entities.push_back({{"id", e.id}, {"name", e.name}, {"type", EntityTypeName(e.type)}});
  json hits = json::array();
  for (std::size_t i = 0; i < results.hits.size(); ++i) {
    const SearchHit& h = results.hits[i];
    hits.push_back({{"rank", q.offset + i + 1},
                    {"id", h.id},
                    {"score", std::round(h.score * 1000) / 1000},
                    {"title", h.title},
                    {"title_matches", SpansJson(h.title_matches)},
                    {"outlet", h.outlet},
                    {"published", TimeJson(h.published)},
                    {"time", FormatIsoUtc(h.time)},
                    {"url", h.url},
                    {"snippet", h.snippet},
                    {"snippet_matches", SpansJson(h.snippet_matches)}});
  }
  return {{"query", q.text},
          {"terms", results.terms},
          {"since", TimeJson(q.since)},
          {"until", TimeJson(q.until)},
          {"outlets", q.outlets},
          {"entities", std::move(entities)},
          {"offset", q.offset},
          {"limit", q.limit},
          {"total", results.total},
          {"total_exact", results.total_exact},
          {"complete", results.complete},
          {"results", std::move(hits)}};
}

std::string SearchText(const SearchRequest& request, const SearchResults& results,
                       Emphasis emphasis) {
  const SearchQuery& q = request.query;
  std::string out;
  if (results.total == 0) {
    out = fmt::format("no articles match: {}", q.text);
  } else {
    out = fmt::format("{}{} {}: {}", results.total_exact ? "" : "at least ",
                      Plural(results.total, "article", "articles"),
                      results.total == 1 ? "matches" : "match", q.text);
  }
  if (!results.hits.empty())
    out += fmt::format(" ({}–{} shown)", q.offset + 1, q.offset + results.hits.size());
  if (!results.complete)
    out += fmt::format("; the newest {} with its rarest word were ranked", q.max_candidates);
  out += "\n";
  for (std::size_t i = 0; i < results.hits.size(); ++i) {
    const SearchHit& h = results.hits[i];
    out += fmt::format("\n{:>3}. {}\n", q.offset + i + 1,
                       Emphasized(h.title, h.title_matches, emphasis));
    out += fmt::format("     {} · {} · #{} · score {:.2f}\n", h.outlet,
                       HumanTime(h.published ? h.published : h.time), h.id, h.score);
    if (!h.snippet.empty())
      out += fmt::format("     {}\n", Emphasized(h.snippet, h.snippet_matches, emphasis));
    out += fmt::format("     {}\n", h.url);
  }
  const std::size_t next = q.offset + results.hits.size();
  if (!results.hits.empty() && next < results.total)
    out += fmt::format("\nmore: --offset {}\n", next);
  return out;
}

json CompletionsJson(const std::string& prefix, const std::vector<Completion>& completions) {
  json out = json::array();
  for (const Completion& c : completions) {
    out.push_back({{"alias", c.alias.alias},
                   {"count", c.alias.count},
                   {"entity",
                    {{"id", c.entity.id},
                     {"name", c.entity.name},
                     {"type", EntityTypeName(c.entity.type)},
                     {"articles", c.entity.articles},
                     {"mentions", c.entity.mentions}}}});
  }
  return {{"prefix", prefix}, {"completions", std::move(out)}};
}

std::string CompletionsText(const std::string& prefix, const std::vector<Completion>& completions) {
  if (completions.empty()) return fmt::format("no entity names start with \"{}\"\n", prefix);
  std::size_t width = 5;
  for (const Completion& c : completions) width = std::max(width, c.alias.alias.size());
  std::string out = fmt::format("{:>8}  {:<{}}  {}\n", "articles", "name", width, "entity");
  for (const Completion& c : completions) {
    const EntitySummary& e = c.entity;
    out +=
        fmt::format("{:>8}  {:<{}}  {} {} #{} ({}, {})\n", c.alias.count, c.alias.alias, width,
                    e.name, EntityTypeName(e.type), e.id, Plural(e.articles, "article", "articles"),
                    Plural(e.mentions, "mention", "mentions"));
  }
  return out;
}

namespace {

json EvidenceJson(const FactEvidence& e) {
  return {{"article", e.article},
          {"outlet", e.outlet},
          {"url", e.url},
          {"time", e.time},
          {"evidence", e.evidence},
          {"origin", e.origin},
          {"origin_kind", e.origin_kind},
          {"negated", e.negated},
          {"hedged", e.hedged},
          {"date", e.date ? json(*e.date) : json(nullptr)},
          {"quantity", e.quantity ? json(*e.quantity) : json(nullptr)},
          {"declared_sources", e.declared_sources ? json(*e.declared_sources) : json(nullptr)}};
}

// "according to Reuters", "syndicated copy of Lantern Wire", "own reporting".
std::string OriginText(const FactEvidence& e) {
  if (e.origin_kind == "own") return "own reporting";
  if (e.origin_kind == "syndicated") return "copy of " + e.origin + "'s text";
  if (e.origin_kind == "credited") return e.origin + "'s text, credited";
  if (e.origin_kind == "according_to") return "according to " + e.origin;
  if (e.origin_kind == "reported_by") return "as reported by " + e.origin;
  if (e.origin_kind == "memo") return e.origin + ", in a memo";
  if (e.origin_kind == "statement") return e.origin + ", in a statement";
  if (e.origin_kind == "quote") return "quoting " + e.origin;
  if (e.origin_kind == "report")
    return e.origin == e.outlet ? "an unnamed report" : "an unnamed report, taken as " + e.origin;
  return e.origin + " said";
}

}  // namespace

json FactJson(const FactSummary& f) {
  json support = json::array(), disputing = json::array(), disputes = json::array();
  for (const FactEvidence& e : f.support) support.push_back(EvidenceJson(e));
  for (const FactEvidence& e : f.disputing) disputing.push_back(EvidenceJson(e));
  for (const FactDispute& d : f.disputes) {
    json values = json::array();
    for (const auto& [value, n] : d.values) values.push_back({{"value", value}, {"articles", n}});
    disputes.push_back({{"what", d.what}, {"values", std::move(values)}});
  }
  return {{"id", f.id},
          {"subject", f.subject},
          {"predicate", f.predicate},
          {"predicate_class", f.predicate_class},
          {"object", f.object},
          {"sources", f.sources},
          {"independent", f.independent},
          {"support", std::move(support)},
          {"disputing", std::move(disputing)},
          {"disputes", std::move(disputes)}};
}

json ClaimCheckJson(std::string_view claim, const ClaimCheck& c) {
  json parsed = json::array(), matches = json::array(), near = json::array();
  for (const Fact& f : c.parsed) {
    parsed.push_back({{"subject", f.subject.text},
                      {"predicate", f.predicate},
                      {"predicate_class", f.predicate_class},
                      {"object", f.object.text}});
  }
  for (const FactSummary& f : c.matches) matches.push_back(FactJson(f));
  for (const FactSummary& f : c.near) near.push_back(FactJson(f));
  return {{"claim", std::string(claim)},
          {"parsed", std::move(parsed)},
          {"matches", std::move(matches)},
          {"near", std::move(near)}};
}

std::string FactText(const FactSummary& f, bool with_evidence) {
  std::string out =
      fmt::format("fact #{}: {} — {} — {}\n  {}, {} independent\n", f.id, f.subject, f.predicate,
                  f.object, Plural(f.sources, "source", "sources"), f.independent);
  for (const FactDispute& d : f.disputes) {
    std::vector<std::string> sides;
    for (const auto& [value, n] : d.values) {
      sides.push_back(fmt::format("{} ({})", value, Plural(n, "article", "articles")));
    }
    out += fmt::format("  disputed {}: {}\n", d.what, Join(sides, " vs "));
  }
  if (!with_evidence) return out;
  for (const FactEvidence& e : f.support) {
    out += fmt::format("  {}  {}  #{}  ({})\n    “{}”\n    {}\n", HumanTime(e.time), e.outlet,
                       e.article, OriginText(e), e.evidence, e.url);
    if (e.date) out += fmt::format("    date given: {}\n", *e.date);
    if (e.quantity) out += fmt::format("    quantity: {}\n", *e.quantity);
    if (e.declared_sources) {
      out += fmt::format(
          "    the article says: verified by {} sources (newsdesk counts {}, {} "
          "independent)\n",
          *e.declared_sources, f.sources, f.independent);
    }
  }
  for (const FactEvidence& e : f.disputing) {
    out += fmt::format("  denied: {}  {}  #{}\n    “{}”\n", HumanTime(e.time), e.outlet, e.article,
                       e.evidence);
  }
  return out;
}

std::string ClaimCheckText(std::string_view claim, const ClaimCheck& c) {
  std::string out;
  if (c.parsed.empty()) {
    return fmt::format(
        "could not read a fact in “{}”: name who did what to whom "
        "(\"Eddie Wu will lead Alibaba Token Hub\")\n",
        claim);
  }
  for (const Fact& f : c.parsed) {
    out += fmt::format("claim: {} — {} — {}\n", f.subject.text, f.predicate, f.object.text);
  }
  if (c.matches.empty()) out += "no stored article states it\n";
  for (const FactSummary& f : c.matches) out += "\n" + FactText(f, true);
  if (!c.near.empty()) {
    out += "\nnear matches:\n";
    for (const FactSummary& f : c.near) out += FactText(f, false);
  }
  return out;
}

}  // namespace newsdesk::cli
