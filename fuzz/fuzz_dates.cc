// ParseDateTime: hand-written ISO 8601, and the rewriting of other forms
// (month names of other languages, zone names, 12-hour times, Korean forms)
// for curl_getdate. A date that parses and falls in years 1-9999 must read
// back the same from FormatIsoUtc.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/extract.h"
#include "fuzz/fuzz_checks.h"

namespace {
constexpr newsdesk::UnixSeconds kYear1 = -62135596800;      // 0001-01-01T00:00:00Z
constexpr newsdesk::UnixSeconds kYear10000 = 253402300800;  // 10000-01-01T00:00:00Z
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdesk::fuzz;
  auto t = newsdesk::ParseDateTime(AsText(data, size));
  if (!t || *t < kYear1 || *t >= kYear10000) return 0;
  std::string iso = newsdesk::FormatIsoUtc(*t);
  auto back = newsdesk::ParseDateTime(iso);
  Require(back.has_value() && *back == *t, "FormatIsoUtc does not read back by ParseDateTime");
  return 0;
}
