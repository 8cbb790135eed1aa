#include "interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>

namespace vnews {
namespace {

// Set by the handler, read by the threads of the run. A lock-free atomic is
// safe to write in a signal handler.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_interrupt(int) {
  if (g_interrupted.exchange(true)) {
    // Only async-signal-safe calls here: write(2) and _exit(2).
    constexpr char kMessage[] = "\nvnews-index: interrupted again: stopping now\n";
    ssize_t ignored = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    (void)ignored;
    ::_exit(kInterruptedStatus);
  }
}

}  // namespace

void catch_interrupts() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // reads and writes go on; the run polls the flag
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() { return g_interrupted.load(std::memory_order_relaxed); }

}  // namespace vnews
