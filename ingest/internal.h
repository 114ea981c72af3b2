// Private to ingest/: helpers shared by local and remote ingestion.
#ifndef NEWSDESK_INGEST_INTERNAL_H_
#define NEWSDESK_INGEST_INTERNAL_H_

#include <filesystem>
#include <string>

#include "base/status.h"

namespace newsdesk::ingest_internal {

// Reads a whole file, refusing one over `limit` bytes before reading it.
Result<std::string> ReadFile(const std::filesystem::path& path, std::size_t limit);

}  // namespace newsdesk::ingest_internal

#endif  // NEWSDESK_INGEST_INTERNAL_H_
