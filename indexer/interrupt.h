// interrupt.h -- SIGINT and SIGTERM as a request to stop: the first asks the
// run to stop reading (run_index commits what it analyzed and says it was
// interrupted); a second ends the process at once, with status 130. Both are
// safe for the database, whose commits are atomic.
#ifndef VNEWS_INDEXER_INTERRUPT_H_
#define VNEWS_INDEXER_INTERRUPT_H_

namespace vnews {

// The exit status of a run stopped by SIGINT or SIGTERM, as shells report it.
inline constexpr int kInterruptedStatus = 130;

// Installs the handlers of SIGINT and SIGTERM. Call once, before any thread
// is started.
void catch_interrupts();

// Returns true once SIGINT or SIGTERM has been received after
// catch_interrupts(). Safe to call from any thread.
bool interrupted();

}  // namespace vnews

#endif  // VNEWS_INDEXER_INTERRUPT_H_
