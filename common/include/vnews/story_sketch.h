// story_sketch.h -- a small fingerprint of what an article says, to tell the
// copies of one story (syndicated, re-edited, trimmed) from other articles.
// It is a one-permutation MinHash of the folded 3-word shingles of the lead
// and body: kSketchBins minima of 16 bits, stored in schema::kSketchSlot.
// The share of bins two sketches agree on estimates the Jaccard similarity
// of their shingle sets.
#ifndef VNEWS_STORY_SKETCH_H_
#define VNEWS_STORY_SKETCH_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vnews/analyzer.h"

namespace vnews {

inline constexpr std::size_t kSketchBins = 64;
// Texts of fewer shingles get no sketch: too short to tell copies apart.
inline constexpr std::size_t kMinSketchShingles = 12;

// Returns the sketch of the text whose words are `fields` (one token vector
// per field, e.g. lead and body; shingles do not cross fields), as
// kSketchBins * 2 bytes; "" when the fields hold fewer than
// kMinSketchShingles shingles. Deterministic across machines and versions
// (it hashes with stable_hash()).
std::string story_sketch(const std::vector<const std::vector<Token>*>& fields);

// Returns the estimated Jaccard similarity, in [0, 1], of the shingle sets
// of the texts `a` and `b` are sketches of; 0 when either is "" or not a
// sketch.
double sketch_similarity(std::string_view a, std::string_view b);

}  // namespace vnews

#endif  // VNEWS_STORY_SKETCH_H_
