#include "run/stories.h"

#include <string>
#include <utility>

#include "vnews/schema.h"
#include "vnews/story_sketch.h"

namespace vnews {

std::vector<Story> group_stories(std::vector<PageHit> hits) {
  std::vector<Story> stories;
  std::vector<std::string> sketches;  // of each story's best article
  for (PageHit& hit : hits) {
    std::string sketch = hit.sketch
                             ? *hit.sketch
                             : hit.candidate.document().get_value(schema::kSketchSlot);
    bool joined = false;
    for (std::size_t s = 0; s < stories.size() && !sketch.empty(); ++s) {
      if (sketch_similarity(sketch, sketches[s]) >= kSameStory) {
        stories[s].copies.push_back(std::move(hit));
        joined = true;
        break;
      }
    }
    if (joined) continue;
    stories.push_back({std::move(hit), {}});
    sketches.push_back(std::move(sketch));
  }
  return stories;
}

}  // namespace vnews
