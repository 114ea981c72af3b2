// The statistical tagger: a first-order structured averaged perceptron
// (Collins 2002) over BIO labels for PER/ORG/LOC/MISC, Viterbi-decoded with
// the I-after-B constraint built in; its training and its evaluation.
//
// Features are hashed to 32-bit keys; the model keeps the keys with the
// largest weights, as int16 rows of one weight per label, in an
// open-addressing table. Tagging a document allocates per document (the
// token table and the scores), never per token.
//
// Model file (little-endian): "NDNER001", u32 labels, u32 feature version,
// f32 scale, f32 transitions[labels*labels] ([prev][cur]), f32 start[labels],
// u32 n, then n rows of u32 key and i16 weights[labels].
//
// extract/data/ner-tagger.model is made (deterministically: fixed seed, fixed
// corpus order, single-threaded) with the default TaggerTrainingOptions on
// the five corpora of ../shared/data/ner-train, gmb.bio read with
// countries_as_locations, by `newsdesk train-tagger` (the command is in the
// README, "Entities"), then rebuild (embedded_data.S picks the file up). Any change to the
// features must bump kFeatureVersion and retrain.
#include "extract/ner_tagger.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <random>
#include <string>

#include "extract/embedded_data.h"

namespace newsdesk {
namespace extract_internal {
namespace {

constexpr int L = NerTagger::kLabels;
constexpr char kMagic[8] = {'N', 'D', 'N', 'E', 'R', '0', '0', '1'};
// Bumped whenever the features change: a model of other features is refused.
constexpr std::uint32_t kFeatureVersion = 8;
constexpr std::size_t kMaxFeaturesPerToken = 64;
constexpr std::size_t kMaxWordBytes = 64;  // longer words are read up to this

enum Label : std::uint8_t { kO, kBPer, kIPer, kBOrg, kIOrg, kBLoc, kILoc, kBMisc, kIMisc };

bool IsInside(int label) { return label != kO && label % 2 == 0; }
EntityType TypeOf(int label) {
  switch ((label - 1) / 2) {
    case 0:
      return EntityType::kPerson;
    case 1:
      return EntityType::kOrganization;
    case 2:
      return EntityType::kLocation;
    default:
      return EntityType::kMisc;
  }
}
// I-X may follow only B-X or I-X.
bool Allowed(int prev, int cur) { return !IsInside(cur) || prev == cur || prev == cur - 1; }

std::uint64_t Mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t x = a * 0x9E3779B97F4A7C15ull + b;
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 29;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 32);
}
std::uint32_t Key(std::uint64_t h) {
  std::uint32_t k = static_cast<std::uint32_t>(h ^ (h >> 32));
  return k ? k : 1;
}
std::uint64_t Hash(const char* p, std::size_t n, std::uint64_t seed) {
  return XXH3_64bits_withSeed(p, n, seed);
}

// What one token looks like, for the features of it and of its neighbours.
struct TokenInfo {
  std::uint64_t lower = 0;        // the lowercased word
  std::uint64_t shape = 0;        // "Xxxx", "dd.dd", "X.X."; borrowed in headlines
  std::uint64_t short_shape = 0;  // runs collapsed: "Xx", "d.d", "X.X."
  std::uint64_t prefix[3] = {};   // of the lowercased word, 1-3 characters
  std::uint64_t suffix[4] = {};   // 1-4 characters
  std::uint32_t gaz_begin = 0;    // classes of gazetteer runs starting here
  std::uint32_t gaz_inside = 0;   // classes of runs covering but not starting here
  std::uint8_t flags = 0;
  std::uint8_t doc = 0;  // what the word's other occurrences say (kDoc*)
};
enum : std::uint8_t {
  kInitCap = 1,
  kAllCaps = 2,  // two or more letters, all upper case
  kHasLower = 4,
  kHasLetter = 8,
  kSentenceInitial = 16,
  kHeadline = 32,  // in an all-caps sentence
};
enum : std::uint8_t {
  kDocOtherLower = 1,    // seen starting lowercase elsewhere
  kDocOtherCapMid = 2,   // seen capitalised mid-sentence elsewhere
  kDocOtherAllCaps = 4,  // seen in capitals in ordinary text elsewhere
  kDocOtherInitial = 8,  // seen capitalised at a sentence start elsewhere
};

// Per document: every token's TokenInfo and the sentence each starts.
struct DocContext {
  std::vector<TokenInfo> info;
  std::vector<std::uint32_t> sentence_start;  // per token
  std::vector<std::uint32_t> sentence_end;
  // For tokens of all-caps headlines: the label the word has in the rest of
  // the document (its first entity label there, else O), -1 when the rest
  // does not have it. Set by SetOtherLabels.
  std::vector<std::int8_t> other_label;
  // For other tokens: the entity label (B or I of a type) the word's other
  // occurrences in the document mostly have, -1 when none has one. Set by
  // SetOtherLabels from the first pass, so only the second pass sees it.
  std::vector<std::int8_t> body_label;
  bool has_headline = false;
};

struct DocCount {
  std::uint64_t lower = 0;
  std::uint16_t n_lower = 0, n_cap_mid = 0, n_all_caps = 0, n_initial = 0;
  bool used = false;
  // The shapes of the occurrence an all-caps headline borrows: mid-sentence
  // capitalised, else capitals, else lowercase, else sentence-initial.
  int shape_rank = -1;
  std::uint64_t shape = 0, short_shape = 0;
};

void AnalyseWord(std::string_view word, TokenInfo* info) {
  char lower[kMaxWordBytes + 8];
  char shape[kMaxWordBytes + 8];
  char short_shape[kMaxWordBytes + 8];
  std::uint32_t cp_end[kMaxWordBytes + 1];  // byte end of each character in `lower`
  std::size_t nl = 0, ns = 0, nss = 0, ncp = 0;
  int upper = 0, lowers = 0, letters = 0;
  char last_class = 0;
  int run = 0;
  const std::int32_t n = static_cast<std::int32_t>(std::min(word.size(), kMaxWordBytes));
  std::int32_t i = 0;
  bool first = true;
  while (i < n) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    char cls;
    UChar32 lc = c;
    if (c < 0) {
      cls = '?';
      lc = 0xFFFD;
    } else if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        cls = 'X';
        lc = c + 32;
      } else if (c >= 'a' && c <= 'z') {
        cls = 'x';
      } else if (c >= '0' && c <= '9') {
        cls = 'd';
      } else {
        cls = static_cast<char>(c);
      }
    } else if (u_isupper(c) || u_istitle(c)) {
      cls = 'X';
      lc = u_tolower(c);
    } else if (u_islower(c)) {
      cls = 'x';
    } else if (u_isalpha(c)) {
      cls = 'a';  // letters without case (CJK, Arabic)
    } else if (u_isdigit(c)) {
      cls = 'd';
    } else {
      cls = 'o';
    }
    if (cls == 'X') ++upper, ++letters;
    if (cls == 'x') ++lowers, ++letters;
    if (cls == 'a') ++letters;
    if (first && cls == 'X') info->flags |= kInitCap;
    first = false;
    if (nl + 4 <= kMaxWordBytes) {
      U8_APPEND_UNSAFE(lower, nl, lc);
      cp_end[ncp++] = static_cast<std::uint32_t>(nl);
    }
    run = cls == last_class ? run + 1 : 1;
    if (run <= 4) shape[ns++] = cls;
    if (run == 1) short_shape[nss++] = cls;
    last_class = cls;
  }
  if (letters) info->flags |= kHasLetter;
  if (lowers) info->flags |= kHasLower;
  if (upper >= 2 && lowers == 0) info->flags |= kAllCaps;
  info->lower = Hash(lower, nl, 1);
  info->shape = Hash(shape, ns, 2);
  info->short_shape = Hash(short_shape, nss, 3);
  for (std::size_t k = 0; k < 3; ++k)
    info->prefix[k] = ncp > k + 1 ? Hash(lower, cp_end[k], 10 + k) : 0;
  for (std::size_t k = 0; k < 4; ++k) {
    if (ncp <= k + 1) {
      info->suffix[k] = 0;
      continue;
    }
    std::size_t from = cp_end[ncp - k - 2];
    info->suffix[k] = Hash(lower + from, nl - from, 20 + k);
  }
}

void BuildContext(std::string_view text, const TokenizedText& tokens,
                  const std::vector<GazetteerMatch>& matches, DocContext* ctx) {
  const std::size_t n = tokens.tokens.size();
  ctx->info.assign(n, TokenInfo{});
  ctx->sentence_start.assign(n, 0);
  ctx->sentence_end.assign(n, 0);
  ctx->other_label.assign(n, -1);
  ctx->body_label.assign(n, -1);
  ctx->has_headline = false;
  for (std::size_t t = 0; t < n; ++t) {
    const Token& tok = tokens.tokens[t];
    if (tok.end > text.size() || tok.start > tok.end) continue;
    AnalyseWord(tokens.Text(text, tok), &ctx->info[t]);
  }
  for (const Sentence& s : tokens.sentences) {
    if (s.end_token > n || s.first_token >= s.end_token) continue;
    int word_tokens = 0;
    bool any_lower = false;
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
      ctx->sentence_start[t] = s.first_token;
      ctx->sentence_end[t] = s.end_token;
      const TokenInfo& in = ctx->info[t];
      if (in.flags & kHasLower) any_lower = true;
      if (in.flags & kAllCaps) ++word_tokens;
    }
    ctx->info[s.first_token].flags |= kSentenceInitial;
    // Skip an opening quote or bracket for "sentence-initial".
    if (s.first_token + 1 < s.end_token && !(ctx->info[s.first_token].flags & kHasLetter))
      ctx->info[s.first_token + 1].flags |= kSentenceInitial;
    // An all-caps headline: its first word is no more likely a common word
    // than any other (its shape is borrowed from the body, below).
    if (!any_lower && word_tokens >= 2) ctx->has_headline = true;
    if (!any_lower && word_tokens >= 2)
      for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
        ctx->info[t].flags |= kHeadline;
        ctx->info[t].flags &= static_cast<std::uint8_t>(~kSentenceInitial);
      }
  }
  for (const GazetteerMatch& m : matches) {
    if (m.end_token > n || m.first_token >= m.end_token) continue;
    ctx->info[m.first_token].gaz_begin |= m.classes;
    for (std::uint32_t t = m.first_token + 1; t < m.end_token; ++t)
      ctx->info[t].gaz_inside |= m.classes;
  }
  // The word's other occurrences in the document.
  std::size_t cap = 16;
  while (cap < 2 * n) cap <<= 1;
  std::vector<DocCount> counts(cap);
  auto slot = [&](std::uint64_t h) -> DocCount& {
    std::size_t i = h & (cap - 1);
    while (counts[i].used && counts[i].lower != h) i = (i + 1) & (cap - 1);
    counts[i].used = true;
    counts[i].lower = h;
    return counts[i];
  };
  auto own = [](const TokenInfo& in, int which) -> int {
    if (!(in.flags & kHasLetter) || (in.flags & kHeadline)) return 0;
    bool initial = in.flags & kSentenceInitial;
    switch (which) {
      case 0:
        return !(in.flags & kInitCap) && (in.flags & kHasLower);
      case 1:
        return (in.flags & kInitCap) && !(in.flags & kAllCaps) && !initial;
      case 2:
        return (in.flags & kAllCaps) != 0;
      default:
        return (in.flags & kInitCap) && initial;
    }
  };
  for (std::size_t t = 0; t < n; ++t) {
    const TokenInfo& in = ctx->info[t];
    DocCount& c = slot(in.lower);
    c.n_lower += own(in, 0);
    c.n_cap_mid += own(in, 1);
    c.n_all_caps += own(in, 2);
    c.n_initial += own(in, 3);
    static constexpr int kRank[4] = {1, 3, 2, 0};  // by `own` category
    for (int which = 0; which < 4; ++which)
      if (own(in, which) && kRank[which] > c.shape_rank) {
        c.shape_rank = kRank[which];
        c.shape = in.shape;
        c.short_shape = in.short_shape;
      }
  }
  static const std::uint64_t kUnseenInHeadline = Hash("H?", 2, 2);
  for (std::size_t t = 0; t < n; ++t) {
    TokenInfo& in = ctx->info[t];
    const DocCount& c = slot(in.lower);
    std::uint8_t d = 0;
    if (c.n_lower - own(in, 0) > 0) d |= kDocOtherLower;
    if (c.n_cap_mid - own(in, 1) > 0) d |= kDocOtherCapMid;
    if (c.n_all_caps - own(in, 2) > 0) d |= kDocOtherAllCaps;
    if (c.n_initial - own(in, 3) > 0) d |= kDocOtherInitial;
    in.doc = d;
    if ((in.flags & kHeadline) && (in.flags & kHasLetter)) {
      // In an all-caps headline the case says nothing: take the shape the
      // word has elsewhere in the document.
      if (c.shape_rank >= 0) {
        in.shape = c.shape;
        in.short_shape = c.short_shape;
      } else {
        in.shape = in.short_shape = kUnseenInHeadline;
      }
    }
  }
}

// What the rest of the document says of each word: `labels` (one per token)
// are a first pass's. Headline tokens get the label of the word's first
// occurrence in the body that has an entity label (else O; -1 when the body
// lacks the word); other tokens the entity label the word's other
// occurrences mostly have.
void SetOtherLabels(const std::uint8_t* labels, DocContext* ctx, std::uint32_t skip_first = 0,
                    std::uint32_t skip_end = 0) {
  const std::size_t n = ctx->info.size();
  std::fill(ctx->other_label.begin(), ctx->other_label.end(), -1);
  std::fill(ctx->body_label.begin(), ctx->body_label.end(), -1);
  struct WordLabels {
    std::uint64_t lower = 0;
    bool used = false;
    std::int8_t first = -1;  // first entity label, else O
    std::uint16_t counts[L] = {};
  };
  std::size_t cap = 16;
  while (cap < 2 * n) cap <<= 1;
  std::vector<WordLabels> seen(cap);
  auto slot = [&](std::uint64_t h) -> WordLabels& {
    std::size_t i = h & (cap - 1);
    while (seen[i].used && seen[i].lower != h) i = (i + 1) & (cap - 1);
    seen[i].used = true;
    seen[i].lower = h;
    return seen[i];
  };
  for (std::size_t t = 0; t < n; ++t) {
    const TokenInfo& in = ctx->info[t];
    if ((in.flags & kHeadline) || !(in.flags & kHasLetter)) continue;
    if (t >= skip_first && t < skip_end) continue;
    WordLabels& e = slot(in.lower);
    if (e.first <= 0) e.first = static_cast<std::int8_t>(labels[t]);
    if (e.counts[labels[t]] < UINT16_MAX) ++e.counts[labels[t]];
  }
  for (std::size_t t = 0; t < n; ++t) {
    const TokenInfo& in = ctx->info[t];
    if (!(in.flags & kHasLetter)) continue;
    WordLabels& e = slot(in.lower);
    if (in.flags & kHeadline) {
      ctx->other_label[t] = e.first;
      continue;
    }
    int best = -1, best_count = 0;
    for (int l = 1; l < L; ++l) {
      int c = e.counts[l] - (labels[t] == l ? 1 : 0);
      if (c > best_count) best = l, best_count = c;
    }
    ctx->body_label[t] = static_cast<std::int8_t>(best);
  }
}

const std::uint64_t kBoundary = 0x5157a11ull;

// The feature keys of token t; returns how many were written to `out`.
std::size_t TokenFeatures(const DocContext& ctx, std::uint32_t t, std::uint32_t* out) {
  std::size_t k = 0;
  auto f = [&](std::uint64_t tmpl, std::uint64_t v) { out[k++] = Key(Mix(tmpl, v)); };
  const TokenInfo& w = ctx.info[t];
  const std::uint32_t s = ctx.sentence_start[t], e = ctx.sentence_end[t];
  const TokenInfo* p1 = t > s ? &ctx.info[t - 1] : nullptr;
  const TokenInfo* p2 = t > s + 1 ? &ctx.info[t - 2] : nullptr;
  const TokenInfo* n1 = t + 1 < e ? &ctx.info[t + 1] : nullptr;
  const TokenInfo* n2 = t + 2 < e ? &ctx.info[t + 2] : nullptr;
  auto lw = [](const TokenInfo* x) { return x ? x->lower : kBoundary; };
  auto sh = [](const TokenInfo* x) { return x ? x->shape : kBoundary; };
  auto ss = [](const TokenInfo* x) { return x ? x->short_shape : kBoundary; };
  const bool headline = w.flags & kHeadline;
  f(1, 0);
  f(2, w.lower);
  f(3, w.shape);
  f(4, w.short_shape);
  for (int i = 0; i < 3; ++i)
    if (w.prefix[i]) f(5 + i, w.prefix[i]);
  for (int i = 0; i < 4; ++i)
    if (w.suffix[i]) f(8 + i, w.suffix[i]);
  f(12, lw(p1));
  f(13, lw(n1));
  f(14, lw(p2));
  f(15, lw(n2));
  f(16, sh(p1));
  f(17, sh(n1));
  f(18, Mix(Mix(ss(p1), w.short_shape), ss(n1)));
  f(19, Mix(lw(p1), w.lower));
  f(20, Mix(w.lower, lw(n1)));
  f(21, Mix((w.flags & kSentenceInitial) ? 1 : 0, w.short_shape));
  f(22, Mix(w.doc | (headline ? 16 : 0) | ((w.flags & kSentenceInitial) ? 32 : 0),
            (w.flags & kInitCap) ? 1 : 0));
  f(23, Mix(lw(p1), w.short_shape));
  f(24, Mix(w.short_shape, lw(n1)));
  std::uint32_t gp = p1 ? (p1->gaz_begin | p1->gaz_inside) : 0xFFFFFFFFu;
  std::uint32_t gn = n1 ? (n1->gaz_begin | n1->gaz_inside) : 0xFFFFFFFFu;
  f(25, gp);
  f(26, gn);
  f(27, Mix(w.gaz_begin, w.gaz_inside));
  for (std::uint32_t bits = w.gaz_begin; bits && k + 2 < kMaxFeaturesPerToken; bits &= bits - 1) {
    std::uint32_t bit = bits & (~bits + 1);
    f(28, Mix(bit, w.short_shape));
    f(29, bit);
  }
  for (std::uint32_t bits = w.gaz_inside; bits && k + 2 < kMaxFeaturesPerToken; bits &= bits - 1) {
    std::uint32_t bit = bits & (~bits + 1);
    f(30, bit);
  }
  if (!headline && ctx.body_label[t] > 0 && k + 2 <= kMaxFeaturesPerToken) {
    std::uint64_t b = static_cast<std::uint64_t>(ctx.body_label[t]);
    f(37, Mix(b, w.flags & (kInitCap | kSentenceInitial)));
    f(38, Mix(b, w.short_shape));
  }
  if (headline && k + 3 <= kMaxFeaturesPerToken) {
    f(31, w.lower);
    std::int64_t o = ctx.other_label[t];
    std::int64_t op = t > s ? ctx.other_label[t - 1] : 99;
    std::int64_t on = t + 1 < e ? ctx.other_label[t + 1] : 99;
    f(32, static_cast<std::uint64_t>(o + 1));
    f(33, Mix(static_cast<std::uint64_t>(o + 1),
              Mix(static_cast<std::uint64_t>(op + 1), static_cast<std::uint64_t>(on + 1))));
  }
  return k;
}

// Best label sequence under emissions [n][L], with I-X only after B-X/I-X.
void Viterbi(const float* emissions, std::size_t n, const float* transitions, const float* start,
             std::vector<float>* delta_buf, std::vector<std::uint8_t>* back_buf,
             std::uint8_t* out) {
  if (n == 0) return;
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  delta_buf->resize(n * L);
  back_buf->resize(n * L);
  float* delta = delta_buf->data();
  std::uint8_t* back = back_buf->data();
  for (int l = 0; l < L; ++l) delta[l] = IsInside(l) ? kNeg : start[l] + emissions[l];
  for (std::size_t i = 1; i < n; ++i) {
    for (int cur = 0; cur < L; ++cur) {
      float best = kNeg;
      int arg = 0;
      for (int prev = 0; prev < L; ++prev) {
        if (!Allowed(prev, cur)) continue;
        float v = delta[(i - 1) * L + prev] + transitions[prev * L + cur];
        if (v > best) best = v, arg = prev;
      }
      delta[i * L + cur] = best + emissions[i * L + cur];
      back[i * L + cur] = static_cast<std::uint8_t>(arg);
    }
  }
  int best = 0;
  for (int l = 1; l < L; ++l)
    if (delta[(n - 1) * L + l] > delta[(n - 1) * L + best]) best = l;
  out[n - 1] = static_cast<std::uint8_t>(best);
  for (std::size_t i = n - 1; i > 0; --i) out[i - 1] = back[i * L + out[i]];
}

void AppendSpans(const std::uint8_t* labels, std::uint32_t first, std::uint32_t end,
                 std::vector<TaggedSpan>* spans) {
  std::uint32_t open = 0;
  int open_label = -1;
  for (std::uint32_t t = first; t <= end; ++t) {
    int l = t < end ? static_cast<int>(labels[t - first]) : static_cast<int>(kO);
    bool continues = open_label >= 0 && IsInside(l) && (l == open_label + 1);
    if (open_label >= 0 && !continues) {
      spans->push_back({open, t, TypeOf(open_label)});
      open_label = -1;
    }
    if (l != kO && !continues) {
      open = t;
      open_label = IsInside(l) ? l - 1 : l;
    }
  }
}

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <typename T>
bool Get(std::string_view* in, T* v) {
  if (in->size() < sizeof *v) return false;
  std::memcpy(v, in->data(), sizeof *v);
  in->remove_prefix(sizeof *v);
  return true;
}

}  // namespace

Result<NerTagger> NerTagger::FromBytes(std::string_view model) {
  auto bad = [](const std::string& why) {
    return Status::InvalidInput("NER model: " + why + " (write one with TrainTagger)");
  };
  if (model.size() < sizeof kMagic || std::memcmp(model.data(), kMagic, sizeof kMagic) != 0)
    return bad("not a newsdesk tagger model (no NDNER001 header)");
  model.remove_prefix(sizeof kMagic);
  std::uint32_t labels = 0, version = 0, n = 0;
  NerTagger tagger;
  if (!Get(&model, &labels) || !Get(&model, &version) || !Get(&model, &tagger.scale_))
    return bad("truncated header");
  if (labels != L) return bad("model has " + std::to_string(labels) + " labels, expected 9");
  if (version != kFeatureVersion)
    return bad("model made for feature version " + std::to_string(version) + ", this build reads " +
               std::to_string(kFeatureVersion));
  if (!(tagger.scale_ > 0) || !std::isfinite(tagger.scale_)) return bad("bad weight scale");
  for (float& v : tagger.transitions_)
    if (!Get(&model, &v) || !std::isfinite(v)) return bad("truncated or bad transitions");
  for (float& v : tagger.start_)
    if (!Get(&model, &v) || !std::isfinite(v)) return bad("truncated or bad start weights");
  if (!Get(&model, &n)) return bad("truncated header");
  constexpr std::size_t kRowBytes = 4 + 2 * L;
  if (model.size() != static_cast<std::size_t>(n) * kRowBytes)
    return bad("expected " + std::to_string(n) + " feature rows, file size disagrees");
  std::size_t cap = 16;
  while (cap < 2 * static_cast<std::size_t>(n)) cap <<= 1;
  tagger.table_.assign(cap, WeightRow{});
  tagger.mask_ = static_cast<std::uint32_t>(cap - 1);
  for (std::uint32_t r = 0; r < n; ++r) {
    WeightRow row;
    if (!Get(&model, &row.key)) return bad("truncated rows");
    for (auto& w : row.weights)
      if (!Get(&model, &w)) return bad("truncated rows");
    if (row.key == 0) return bad("feature key 0 at row " + std::to_string(r));
    std::uint32_t i = row.key & tagger.mask_;
    while (tagger.table_[i].key != 0) {
      if (tagger.table_[i].key == row.key) return bad("duplicate feature key");
      i = (i + 1) & tagger.mask_;
    }
    tagger.table_[i] = row;
  }
  tagger.features_ = n;
  return tagger;
}

std::string NerTagger::Save() const {
  std::string out(kMagic, sizeof kMagic);
  Put(&out, static_cast<std::uint32_t>(L));
  Put(&out, kFeatureVersion);
  Put(&out, scale_);
  for (float v : transitions_) Put(&out, v);
  for (float v : start_) Put(&out, v);
  std::vector<WeightRow> rows;
  for (const WeightRow& r : table_)
    if (r.key) rows.push_back(r);
  std::sort(rows.begin(), rows.end(),
            [](const WeightRow& a, const WeightRow& b) { return a.key < b.key; });
  Put(&out, static_cast<std::uint32_t>(rows.size()));
  for (const WeightRow& r : rows) {
    Put(&out, r.key);
    for (auto w : r.weights) Put(&out, w);
  }
  return out;
}

const NerTagger& NerTagger::Default() {
  static const NerTagger* tagger = [] {
    Result<NerTagger> parsed = FromBytes(EmbeddedNerModel());
    // A build without a trained model tags nothing rather than failing.
    return parsed.ok() ? new NerTagger(std::move(parsed).value()) : new NerTagger();
  }();
  return *tagger;
}

namespace {

// Emission scores (kLabels per token) of tokens [first, end).
void ScoreTokens(const NerTagger& tagger, const DocContext& ctx, std::uint32_t first,
                 std::uint32_t end, float* scores) {
  std::uint32_t keys[kMaxFeaturesPerToken];
  const float inv = 1.0f / tagger.scale();
  for (std::uint32_t t = first; t < end; ++t) {
    std::int32_t sum[L] = {};
    if (ctx.sentence_end[t] != 0) {  // 0: in no sentence
      std::size_t k = TokenFeatures(ctx, t, keys);
      for (std::size_t j = 0; j < k; ++j)
        if (const NerTagger::WeightRow* row = tagger.Find(keys[j]))
          for (int l = 0; l < L; ++l) sum[l] += row->weights[l];
    }
    for (int l = 0; l < L; ++l) scores[static_cast<std::size_t>(t) * L + l] = sum[l] * inv;
  }
}

}  // namespace

std::vector<TaggedSpan> NerTagger::TagDocument(
    std::string_view text, const TokenizedText& tokens,
    const std::vector<GazetteerMatch>& gazetteer_matches) const {
  std::vector<TaggedSpan> spans;
  const std::size_t n = tokens.tokens.size();
  if (table_.empty() || n == 0) return spans;
  DocContext ctx;
  BuildContext(text, tokens, gazetteer_matches, &ctx);
  std::vector<float> scores(n * L);
  ScoreTokens(*this, ctx, 0, static_cast<std::uint32_t>(n), scores.data());
  std::vector<float> delta;
  std::vector<std::uint8_t> back, labels(n, kO);
  auto decode = [&](const Sentence& s) {
    Viterbi(scores.data() + static_cast<std::size_t>(s.first_token) * L,
            s.end_token - s.first_token, transitions_.data(), start_.data(), &delta, &back,
            labels.data() + s.first_token);
  };
  auto valid = [&](const Sentence& s) { return s.end_token <= n && s.first_token < s.end_token; };
  for (const Sentence& s : tokens.sentences)
    if (valid(s)) decode(s);
  // Again, knowing how the first pass labelled each word elsewhere: only
  // headlines and sentences with such a word change.
  SetOtherLabels(labels.data(), &ctx);
  for (const Sentence& s : tokens.sentences) {
    if (!valid(s)) continue;
    if (ctx.info[s.first_token].flags & kHeadline) {
      ScoreTokens(*this, ctx, s.first_token, s.end_token, scores.data());
      decode(s);
      continue;
    }
    bool again = false;
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (ctx.body_label[t] <= 0) continue;  // its features are as before
      ScoreTokens(*this, ctx, t, t + 1, scores.data());
      again = true;
    }
    if (again) decode(s);
  }
  for (const Sentence& s : tokens.sentences)
    if (valid(s)) AppendSpans(labels.data() + s.first_token, s.first_token, s.end_token, &spans);
  return spans;
}

// ---- Training and evaluation ----

namespace {

struct LabeledDoc {
  std::string text;
  TokenizedText tokens;
  std::vector<std::uint8_t> gold;  // per token
  // Tokens of the sentence a headline was copied from: headline features in
  // training do not see them, as a real headline's words are often not in
  // its body in the same form.
  std::uint32_t headline_source_first = 0, headline_source_end = 0;
};

int ParseTag(std::string_view tag) {
  if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return kO;
  std::string_view type = tag.substr(2);
  int base;
  if (type == "PER")
    base = kBPer;
  else if (type == "ORG")
    base = kBOrg;
  else if (type == "LOC")
    base = kBLoc;
  else if (type == "MISC")
    base = kBMisc;
  else
    return kO;
  return tag[0] == 'B' ? base : base + 1;
}

std::string Upper(std::string_view word) {
  std::string out;
  out.reserve(word.size() + 4);
  std::int32_t i = 0, n = static_cast<std::int32_t>(word.size());
  while (i < n) {
    std::int32_t from = i;
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    if (c < 0) {
      out.append(word.substr(from, i - from));
      continue;
    }
    char buf[4];
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, u_toupper(c));
    out.append(buf, len);
  }
  return out;
}

using BioSentence = std::vector<std::pair<std::string_view, std::uint8_t>>;

void AppendSentence(const BioSentence& sentence, bool upper, LabeledDoc* doc) {
  if (!doc->text.empty()) doc->text += "\n\n";
  Sentence s;
  s.first_token = static_cast<std::uint32_t>(doc->tokens.tokens.size());
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    if (i) doc->text += ' ';
    Token tok;
    tok.start = static_cast<std::uint32_t>(doc->text.size());
    if (upper)
      doc->text += Upper(sentence[i].first);
    else
      doc->text += sentence[i].first;
    tok.end = static_cast<std::uint32_t>(doc->text.size());
    doc->tokens.tokens.push_back(tok);
    doc->gold.push_back(sentence[i].second);
  }
  s.end_token = static_cast<std::uint32_t>(doc->tokens.tokens.size());
  doc->tokens.sentences.push_back(s);
}

// The corpus as documents of `per_doc` sentences: text is the tokens joined
// by spaces, sentences by a blank line. With all_caps_every = k, documents
// k, 2k, ... get an all-caps headline: alternately an upper-cased copy of
// their first sentence put before it (a headline whose words the body
// repeats) and their first sentence upper-cased in place (one it does not).
Status ReadCorpus(const NerCorpus& corpus, std::size_t per_doc, std::size_t all_caps_every,
                  std::vector<LabeledDoc>* docs) {
  if (per_doc == 0) per_doc = 1;
  BioSentence sentence;
  std::vector<BioSentence> doc_sentences;
  std::size_t sentences = 0, line_no = 0, doc_index = 0;
  auto flush_doc = [&] {
    if (doc_sentences.empty()) return;
    LabeledDoc doc;
    std::size_t k = all_caps_every;
    bool headline = k > 0 && doc_index % k == 0;
    bool copy = headline && (doc_index / k) % 2 == 0;
    if (copy) {
      AppendSentence(doc_sentences[0], true, &doc);
      doc.headline_source_first = static_cast<std::uint32_t>(doc.tokens.tokens.size());
      doc.headline_source_end =
          doc.headline_source_first + static_cast<std::uint32_t>(doc_sentences[0].size());
    }
    for (std::size_t i = 0; i < doc_sentences.size(); ++i)
      AppendSentence(doc_sentences[i], headline && !copy && i == 0, &doc);
    docs->push_back(std::move(doc));
    doc_sentences.clear();
    ++doc_index;
  };
  auto end_sentence = [&] {
    if (sentence.empty()) return;
    doc_sentences.push_back(std::move(sentence));
    sentence.clear();
    ++sentences;
    if (doc_sentences.size() >= per_doc) flush_doc();
  };
  std::string_view rest = corpus.bio;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      end_sentence();
      continue;
    }
    std::size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || tab == 0)
      return Status::InvalidInput(corpus.name + ":" + std::to_string(line_no) +
                                  ": expected token<TAB>tag");
    std::string_view word = line.substr(0, tab);
    int label = ParseTag(line.substr(tab + 1));
    // I-X after a different label starts a span, as in the usual (IOB1-tolerant) reading.
    if (IsInside(label) && (sentence.empty() || (sentence.back().second != label &&
                                                 sentence.back().second != label - 1)))
      label -= 1;
    sentence.emplace_back(word, static_cast<std::uint8_t>(label));
  }
  end_sentence();
  flush_doc();
  if (sentences == 0) return Status::InvalidInput(corpus.name + ": no sentences");
  return Status::Ok();
}

// ORG spans that are exactly a country's name become LOC.
void CountriesAsLocations(LabeledDoc* doc) {
  std::vector<GazetteerMatch> matches = Gazetteers::Default().Match(doc->text, doc->tokens);
  for (const GazetteerMatch& m : matches) {
    if (!(m.classes & kGazCountry) || m.end_token > doc->gold.size()) continue;
    std::uint8_t* g = doc->gold.data();
    bool span =
        g[m.first_token] == kBOrg && (m.end_token == doc->gold.size() || g[m.end_token] != kIOrg);
    for (std::uint32_t t = m.first_token + 1; span && t < m.end_token; ++t) span = g[t] == kIOrg;
    if (!span) continue;
    g[m.first_token] = kBLoc;
    for (std::uint32_t t = m.first_token + 1; t < m.end_token; ++t) g[t] = kILoc;
  }
}

Status ReadCorpusAs(const NerCorpus& corpus, std::size_t per_doc, std::size_t all_caps_every,
                    std::vector<LabeledDoc>* docs) {
  std::size_t first = docs->size();
  Status s = ReadCorpus(corpus, per_doc, all_caps_every, docs);
  if (s.ok() && corpus.countries_as_locations)
    for (std::size_t d = first; d < docs->size(); ++d) CountriesAsLocations(&(*docs)[d]);
  return s;
}

void Report(const TrainingProgress& progress, const std::string& line) {
  if (progress) progress(line);
}

}  // namespace
}  // namespace extract_internal

using extract_internal::DocContext;
using extract_internal::kMaxFeaturesPerToken;
using extract_internal::L;
using extract_internal::LabeledDoc;

double SpanCounts::Precision() const {
  auto d = true_positives + false_positives;
  return d ? static_cast<double>(true_positives) / static_cast<double>(d) : 0.0;
}
double SpanCounts::Recall() const {
  auto d = true_positives + false_negatives;
  return d ? static_cast<double>(true_positives) / static_cast<double>(d) : 0.0;
}
double SpanCounts::F1() const {
  double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

namespace extract_internal {
namespace {

// The perceptron over `docs`. With `first_pass` (labels per document), body
// features see what it says of each word's other occurrences (not in every
// third document, so that the model also tags well without: its own first
// pass); without, they see nothing of it. Headline features always see the
// body's gold labels.
std::string TrainModel(const std::vector<const LabeledDoc*>& doc_ptrs,
                       const std::vector<std::vector<std::uint8_t>>* first_pass,
                       const TaggerTrainingOptions& options, const TrainingProgress& progress) {
  const Gazetteers& gazetteers = Gazetteers::Default();

  // Every token's feature keys, once: the features do not depend on labels.
  std::vector<std::uint32_t> keys;
  std::vector<std::uint64_t> token_offset{0};  // into keys, per token over all docs
  std::vector<std::uint64_t> doc_first_token;  // index of each doc's first token
  std::size_t total_tokens = 0;
  {
    DocContext ctx;
    std::uint32_t buf[kMaxFeaturesPerToken];
    for (std::size_t d = 0; d < doc_ptrs.size(); ++d) {
      const LabeledDoc& doc = *doc_ptrs[d];
      doc_first_token.push_back(total_tokens);
      BuildContext(doc.text, doc.tokens, gazetteers.Match(doc.text, doc.tokens), &ctx);
      if (first_pass) {
        // Headlines learn from the body's gold labels (trusting the body's
        // reading fully: a headline is tagged as its body is), the body from
        // the first pass's, and not in every third document.
        SetOtherLabels((*first_pass)[d].data(), &ctx);
        std::vector<std::int8_t> body = ctx.body_label;
        SetOtherLabels(doc.gold.data(), &ctx, doc.headline_source_first, doc.headline_source_end);
        ctx.body_label = std::move(body);
        if (d % 3 == 0) std::fill(ctx.body_label.begin(), ctx.body_label.end(), -1);
      } else {
        SetOtherLabels(doc.gold.data(), &ctx, doc.headline_source_first, doc.headline_source_end);
        std::fill(ctx.body_label.begin(), ctx.body_label.end(), -1);
      }
      for (std::uint32_t t = 0; t < doc.tokens.tokens.size(); ++t) {
        std::size_t k = TokenFeatures(ctx, t, buf);
        keys.insert(keys.end(), buf, buf + k);
        token_offset.push_back(keys.size());
      }
      total_tokens += doc.tokens.tokens.size();
    }
  }
  Report(progress, std::to_string(doc_ptrs.size()) + " documents, " + std::to_string(total_tokens) +
                       " tokens, " + std::to_string(keys.size()) + " feature occurrences");
  // Keys seen at least min_feature_count times get an id.
  std::vector<std::uint32_t> kept;
  {
    std::vector<std::uint32_t> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size();) {
      std::size_t j = i;
      while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
      if (j - i >= options.min_feature_count) kept.push_back(sorted[i]);
      i = j;
    }
  }
  constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::vector<std::uint32_t> ids(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    auto it = std::lower_bound(kept.begin(), kept.end(), keys[i]);
    ids[i] = (it != kept.end() && *it == keys[i]) ? static_cast<std::uint32_t>(it - kept.begin())
                                                  : kNone;
  }
  std::vector<std::uint32_t>().swap(keys);
  Report(progress, std::to_string(kept.size()) + " features seen at least " +
                       std::to_string(options.min_feature_count) + " times");

  // Averaged perceptron with the lazy-sum trick: avg = w - acc / c.
  const std::size_t nf = kept.size();
  std::vector<float> w(nf * L, 0.0f);
  std::vector<double> acc(nf * L, 0.0);
  std::vector<float> trans(L * L, 0.0f), start(L, 0.0f);
  std::vector<double> trans_acc(L * L, 0.0), start_acc(L, 0.0);
  double c = 1;
  std::vector<std::size_t> order(doc_ptrs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<float> emissions, delta;
  std::vector<std::uint8_t> back, pred;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with mt19937_64 (whose output the standard fixes), so the
    // order is the same on every platform.
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    std::size_t wrong = 0, seen = 0;
    for (std::size_t d : order) {
      const LabeledDoc& doc = *doc_ptrs[d];
      const std::uint64_t base = doc_first_token[d];
      for (const Sentence& s : doc.tokens.sentences) {
        const std::size_t len = s.end_token - s.first_token;
        emissions.assign(len * L, 0.0f);
        for (std::size_t i = 0; i < len; ++i) {
          const std::uint64_t tok = base + s.first_token + i;
          for (std::uint64_t j = token_offset[tok]; j < token_offset[tok + 1]; ++j) {
            if (ids[j] == kNone) continue;
            const float* row = &w[static_cast<std::size_t>(ids[j]) * L];
            for (int l = 0; l < L; ++l) emissions[i * L + l] += row[l];
          }
        }
        pred.resize(len);
        Viterbi(emissions.data(), len, trans.data(), start.data(), &delta, &back, pred.data());
        const std::uint8_t* gold = doc.gold.data() + s.first_token;
        seen += len;
        bool any = false;
        for (std::size_t i = 0; i < len; ++i) {
          if (gold[i] == pred[i]) continue;
          any = true;
          ++wrong;
          const std::uint64_t tok = base + s.first_token + i;
          for (std::uint64_t j = token_offset[tok]; j < token_offset[tok + 1]; ++j) {
            if (ids[j] == kNone) continue;
            std::size_t g = static_cast<std::size_t>(ids[j]) * L + gold[i];
            std::size_t p = static_cast<std::size_t>(ids[j]) * L + pred[i];
            w[g] += 1, acc[g] += c;
            w[p] -= 1, acc[p] -= c;
          }
        }
        if (any) {
          start[gold[0]] += 1, start_acc[gold[0]] += c;
          start[pred[0]] -= 1, start_acc[pred[0]] -= c;
          for (std::size_t i = 1; i < len; ++i) {
            std::size_t g = gold[i - 1] * L + gold[i], p = pred[i - 1] * L + pred[i];
            if (g == p) continue;
            trans[g] += 1, trans_acc[g] += c;
            trans[p] -= 1, trans_acc[p] -= c;
          }
        }
        c += 1;
      }
    }
    Report(progress, "epoch " + std::to_string(epoch + 1) + "/" + std::to_string(options.epochs) +
                         ": " +
                         std::to_string(100.0 * static_cast<double>(wrong) /
                                        static_cast<double>(std::max<std::size_t>(seen, 1))) +
                         "% of tokens wrong");
  }

  // Averaged weights; keep the strongest features.
  std::vector<float> avg(nf * L);
  std::vector<std::pair<float, std::uint32_t>> strength(nf);
  for (std::size_t f = 0; f < nf; ++f) {
    float m = 0;
    for (int l = 0; l < L; ++l) {
      float v = static_cast<float>(w[f * L + l] - acc[f * L + l] / c);
      avg[f * L + l] = v;
      m = std::max(m, std::fabs(v));
    }
    strength[f] = {m, static_cast<std::uint32_t>(f)};
  }
  std::sort(strength.begin(), strength.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::size_t keep = std::min(options.max_features, nf);
  while (keep > 0 && strength[keep - 1].first == 0) --keep;
  float max_abs = keep ? strength[0].first : 1.0f;
  const float scale = 32767.0f / std::max(max_abs, 1e-6f);

  std::string out(kMagic, sizeof kMagic);
  Put(&out, static_cast<std::uint32_t>(L));
  Put(&out, kFeatureVersion);
  Put(&out, scale);
  for (int i = 0; i < L * L; ++i) Put(&out, static_cast<float>(trans[i] - trans_acc[i] / c));
  for (int i = 0; i < L; ++i) Put(&out, static_cast<float>(start[i] - start_acc[i] / c));
  std::vector<std::uint32_t> chosen;
  for (std::size_t i = 0; i < keep; ++i) chosen.push_back(strength[i].second);
  std::sort(chosen.begin(), chosen.end());  // by key, as kept is sorted
  Put(&out, static_cast<std::uint32_t>(chosen.size()));
  for (std::uint32_t f : chosen) {
    Put(&out, kept[f]);
    for (int l = 0; l < L; ++l) {
      float q = std::round(avg[static_cast<std::size_t>(f) * L + l] * scale);
      Put(&out, static_cast<std::int16_t>(std::clamp(q, -32767.0f, 32767.0f)));
    }
  }
  Report(progress, "model: " + std::to_string(chosen.size()) + " of " + std::to_string(nf) +
                       " features, " + std::to_string(out.size()) + " bytes");
  return out;
}

// The labels `tagger` gives the document's tokens.
std::vector<std::uint8_t> LabelsOf(const NerTagger& tagger, const LabeledDoc& doc) {
  std::vector<std::uint8_t> labels(doc.tokens.tokens.size(), kO);
  for (const TaggedSpan& s : tagger.TagDocument(
           doc.text, doc.tokens, Gazetteers::Default().Match(doc.text, doc.tokens))) {
    int b = s.type == EntityType::kPerson         ? kBPer
            : s.type == EntityType::kOrganization ? kBOrg
            : s.type == EntityType::kLocation     ? kBLoc
                                                  : kBMisc;
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t)
      labels[t] = static_cast<std::uint8_t>(t == s.first_token ? b : b + 1);
  }
  return labels;
}

}  // namespace
}  // namespace extract_internal

// Two passes, as the tagger runs: the first pass's labels of each training
// document come from a model trained on the other half of the documents
// (two-fold), so the final model learns how far to trust them.
Result<std::string> TrainTagger(const TaggerTrainingOptions& options,
                                const TrainingProgress& progress) {
  using namespace extract_internal;
  std::vector<LabeledDoc> docs;
  for (const NerCorpus& corpus : options.corpora) {
    Status s = ReadCorpusAs(corpus, options.sentences_per_document, options.all_caps_every, &docs);
    if (!s.ok()) return s;
  }
  if (docs.empty()) return Status::InvalidInput("TrainTagger: no training corpora");
  std::vector<const LabeledDoc*> all, halves[2];
  for (std::size_t d = 0; d < docs.size(); ++d) {
    all.push_back(&docs[d]);
    halves[d % 2].push_back(&docs[d]);
  }
  std::vector<std::vector<std::uint8_t>> first_pass(docs.size());
  if (docs.size() < 2) {
    first_pass[0] = docs[0].gold;
  } else {
    for (int half = 0; half < 2; ++half) {
      Report(progress, "first-pass model " + std::to_string(half + 1) + "/2");
      Result<NerTagger> tagger =
          NerTagger::FromBytes(TrainModel(halves[half], nullptr, options, progress));
      if (!tagger.ok()) return tagger.status();
      for (std::size_t d = 1 - half; d < docs.size(); d += 2)
        first_pass[d] = LabelsOf(*tagger, docs[d]);
    }
  }
  Report(progress, "final model");
  return TrainModel(all, &first_pass, options, progress);
}

Result<NerScores> EvaluateTagger(std::string_view model, const std::vector<NerCorpus>& corpora,
                                 std::size_t sentences_per_document) {
  using namespace extract_internal;
  Result<NerTagger> tagger = NerTagger::FromBytes(model);
  if (!tagger.ok()) return tagger.status();
  const Gazetteers& gazetteers = Gazetteers::Default();
  NerScores scores;
  for (const NerCorpus& corpus : corpora) {
    std::vector<LabeledDoc> docs;
    Status s = ReadCorpusAs(corpus, sentences_per_document, 0, &docs);
    if (!s.ok()) return s;
    for (const LabeledDoc& doc : docs) {
      std::vector<TaggedSpan> predicted =
          tagger->TagDocument(doc.text, doc.tokens, gazetteers.Match(doc.text, doc.tokens));
      std::vector<TaggedSpan> gold;
      for (const Sentence& sen : doc.tokens.sentences)
        AppendSpans(doc.gold.data() + sen.first_token, sen.first_token, sen.end_token, &gold);
      scores.tokens += doc.tokens.tokens.size();
      scores.sentences += doc.tokens.sentences.size();
      auto counts_of = [&](EntityType type) -> SpanCounts* {
        switch (type) {
          case EntityType::kPerson:
            return &scores.person;
          case EntityType::kOrganization:
            return &scores.organization;
          case EntityType::kLocation:
            return &scores.location;
          default:
            return nullptr;
        }
      };
      auto key = [](const TaggedSpan& a) {
        return std::tuple(a.first_token, a.end_token, static_cast<int>(a.type));
      };
      auto less = [&](const TaggedSpan& a, const TaggedSpan& b) { return key(a) < key(b); };
      std::sort(predicted.begin(), predicted.end(), less);
      std::sort(gold.begin(), gold.end(), less);
      for (const TaggedSpan& p : predicted) {
        SpanCounts* c = counts_of(p.type);
        if (!c) continue;
        bool hit = std::binary_search(gold.begin(), gold.end(), p, less);
        (hit ? c->true_positives : c->false_positives) += 1;
        (hit ? scores.micro.true_positives : scores.micro.false_positives) += 1;
      }
      for (const TaggedSpan& g : gold) {
        SpanCounts* c = counts_of(g.type);
        if (!c) continue;
        if (!std::binary_search(predicted.begin(), predicted.end(), g, less)) {
          c->false_negatives += 1;
          scores.micro.false_negatives += 1;
        }
      }
    }
  }
  return scores;
}

}  // namespace newsdesk
