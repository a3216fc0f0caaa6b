#include "eval/work_queue.hpp"

#include <thread>
#include <vector>

namespace minn::eval {

void WorkQueue::push(std::function<void()> task, bool urgent) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (urgent)
      tasks_.push_front(std::move(task));
    else
      tasks_.push_back(std::move(task));
  }
  changed_.notify_one();
}

void WorkQueue::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return failure_ || !tasks_.empty() || active_ == 0; });
    if (failure_ || tasks_.empty()) break;  // failed, or nothing queued and nobody can queue more
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    ++active_;
    lock.unlock();
    std::exception_ptr error;
    try {
      task();
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    --active_;
    if (error && !failure_) failure_ = error;
    changed_.notify_all();
  }
}

void WorkQueue::run(int threads) {
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([this] { work(); });
  work();
  for (std::thread& t : pool) t.join();
  tasks_.clear();
  if (failure_) std::rethrow_exception(failure_);
}

int hardware_threads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace minn::eval
