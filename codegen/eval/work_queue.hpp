// A small fixed-size thread pool for the cross-validation tasks. Tasks may push further tasks
// (a retraining once its search is done); `urgent` ones go to the front so that outer splits
// finish, and reach the checkpoint, roughly in order. Results never depend on which thread runs
// what: every task owns its seed and writes only its own slot.
#pragma once
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>

namespace minn::eval {

class WorkQueue {
 public:
  void push(std::function<void()> task, bool urgent = false);
  // Runs every task, including those pushed while running, on `threads` threads (the caller's
  // included). The first exception thrown by a task stops the rest and is rethrown here.
  void run(int threads);

 private:
  void work();
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> tasks_;
  int active_ = 0;
  std::exception_ptr failure_;
};

// The number of hardware threads (at least 1).
int hardware_threads();

}  // namespace minn::eval
