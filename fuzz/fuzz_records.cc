// The store's record decoders (store/records.cc): what a damaged database
// hands a reader (`newsdesk check`, `stories`, a writer resuming). The first
// byte picks the kind of record, the rest is its bytes. A decoder either
// refuses the bytes with a Status or returns a record that encodes and
// decodes again to the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_checks.h"
#include "store/records.h"

namespace {

using namespace newsdesk;
using namespace newsdesk::store_internal;

// Decoded once, a record must come back from its encoding unchanged.
template <typename Decode, typename Encode>
void RoundTrip(std::string_view bytes, Decode decode, Encode encode, const char* what) {
  auto first = decode(bytes);
  if (!first.ok()) return;
  const std::string once = encode(*first);
  auto second = decode(once);
  fuzz::Require(second.ok(), what);
  fuzz::Require(encode(*second) == once, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes = fuzz::AsText(data + 1, size - 1);
  switch (data[0] % 8) {
    case 0:
      RoundTrip(bytes, DecodeArticle, EncodeArticle,
                "an article record does not read back from its encoding");
      break;
    case 1:
      RoundTrip(bytes, DecodeStory, EncodeStory,
                "a story record does not read back from its encoding");
      break;
    case 2:
      RoundTrip(bytes, DecodeEntity, EncodeEntity,
                "an entity record does not read back from its encoding");
      break;
    case 3:
      RoundTrip(bytes, DecodeFact, EncodeFact,
                "a fact record does not read back from its encoding");
      break;
    case 4:
      RoundTrip(bytes, DecodeFactSupport, EncodeFactSupport,
                "a fact's support does not read back from its encoding");
      break;
    case 5:
      RoundTrip(bytes, DecodeSource, EncodeSource,
                "a source's state does not read back from its encoding");
      break;
    case 6:
      RoundTrip(bytes, DecodeFrontierItem, EncodeFrontierItem,
                "a frontier item does not read back from its encoding");
      break;
    default:
      // What a search hit reads of an article record: refused or read.
      DecodeArticleGlance(bytes).status().IgnoreError();
      break;
  }
  return 0;
}
