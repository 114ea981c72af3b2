// Private to ingest/: helpers shared by local and remote ingestion.
#ifndef NEWSDESK_INGEST_INTERNAL_H_
#define NEWSDESK_INGEST_INTERNAL_H_

#include <filesystem>
#include <string>

#include "base/status.h"
#include "extract/extract.h"

namespace newsdesk::ingest_internal {

// Reads a whole file, refusing one over `limit` bytes before reading it.
Result<std::string> ReadFile(const std::filesystem::path& path, std::size_t limit);

// Fills article.entities and article.facts from its title and text
// (offsets into title + "\n\n" + text). An article whose entities or facts
// cannot be read keeps none: they never cost an article its place in the
// store.
void AnnotateArticle(Article& article, const EntityOptions& options);

}  // namespace newsdesk::ingest_internal

#endif  // NEWSDESK_INGEST_INTERNAL_H_
