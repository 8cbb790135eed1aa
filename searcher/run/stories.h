// stories.h -- one story once: the copies of an article (syndicated,
// re-edited, trimmed) among ranked results, grouped under the best-ranked
// one by their sketches (vnews/story_sketch.h).
#ifndef VNEWS_SEARCHER_RUN_STORIES_H_
#define VNEWS_SEARCHER_RUN_STORIES_H_

#include <vector>

#include "run/plan_runner.h"

namespace vnews {

// Two articles whose sketches agree on at least this share of their bins
// (about the Jaccard similarity of their word 3-shingles) tell one story.
// Copies of one story score 0.8 and more, a copy trimmed to half about 0.5;
// two articles on the same topic in their own words stay under 0.1.
inline constexpr double kSameStory = 0.6;

// One story: its best-ranked article and the copies ranked below it.
struct Story {
  PageHit best;
  std::vector<PageHit> copies;  // in rank order
};

// Returns `hits` (in rank order) as stories, in the rank order of their best
// article: each article joins the first story whose best article it copies,
// else starts its own. Articles without a sketch (short ones, or from a
// database older than sketches) are stories of their own.
std::vector<Story> group_stories(std::vector<PageHit> hits);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_STORIES_H_
