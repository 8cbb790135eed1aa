#include "vnews/story_sketch.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "vnews/stable_hash.h"

namespace vnews {
namespace {

constexpr std::uint16_t kEmptyBin = 0xFFFF;

std::uint64_t rotate(std::uint64_t x, int bits) {
  return (x << bits) | (x >> (64 - bits));
}

// splitmix64's finalizer: spreads every input bit over the output.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

std::string story_sketch(const std::vector<const std::vector<Token>*>& fields) {
  std::array<std::uint16_t, kSketchBins> bins;
  bins.fill(kEmptyBin);
  std::size_t shingles = 0;
  std::vector<std::uint64_t> words;
  for (const std::vector<Token>* field : fields) {
    words.clear();
    for (const Token& t : *field) words.push_back(stable_hash(t.folded));
    for (std::size_t i = 2; i < words.size(); ++i) {
      const std::uint64_t h =
          mix(words[i - 2] ^ rotate(words[i - 1], 21) ^ rotate(words[i], 42));
      const std::size_t bin = h >> 58;  // the top 6 bits: kSketchBins = 64
      // The rest, less one so that no minimum is the empty marker.
      const auto value = static_cast<std::uint16_t>(
          std::min<std::uint64_t>((h >> 42) & 0xFFFF, kEmptyBin - 1));
      if (value < bins[bin]) bins[bin] = value;
      ++shingles;
    }
  }
  static_assert(kSketchBins == 64, "the bin is the hash's top 6 bits");
  if (shingles < kMinSketchShingles) return "";
  std::string out(kSketchBins * 2, '\0');
  for (std::size_t i = 0; i < kSketchBins; ++i) {
    out[2 * i] = static_cast<char>(bins[i] >> 8);
    out[2 * i + 1] = static_cast<char>(bins[i] & 0xFF);
  }
  return out;
}

double sketch_similarity(std::string_view a, std::string_view b) {
  if (a.size() != kSketchBins * 2 || b.size() != kSketchBins * 2) return 0;
  std::size_t same = 0, compared = 0;
  for (std::size_t i = 0; i < kSketchBins * 2; i += 2) {
    const bool a_empty = a[i] == '\xFF' && a[i + 1] == '\xFF';
    const bool b_empty = b[i] == '\xFF' && b[i + 1] == '\xFF';
    if (a_empty && b_empty) continue;
    ++compared;
    same += !a_empty && a[i] == b[i] && a[i + 1] == b[i + 1];
  }
  return compared == 0 ? 0 : static_cast<double>(same) / compared;
}

}  // namespace vnews
