// The C++ view of an inference status; code() gives the fixed C encoding of minn/status.h.
#pragma once
#include "minn/status.h"

namespace minn {

class Status {
 public:
  enum class Kind : signed char { Ok, OutOfEnvelope, NonFinite };

  constexpr Status() = default;
  static constexpr Status ok() { return Status(); }
  static constexpr Status out_of_envelope(int input) { return Status(Kind::OutOfEnvelope, input); }
  static constexpr Status non_finite(int input) { return Status(Kind::NonFinite, input); }
  static constexpr Status from_code(int code) {
    return MINN_STATUS_IS_ERROR(code)     ? non_finite(MINN_STATUS_INPUT(code))
           : MINN_STATUS_IS_WARNING(code) ? out_of_envelope(MINN_STATUS_INPUT(code))
                                          : ok();
  }

  constexpr Kind kind() const { return kind_; }
  constexpr int input() const { return input_; }  // -1 for Ok
  constexpr bool is_ok() const { return kind_ == Kind::Ok; }
  constexpr bool outputs_valid() const { return kind_ != Kind::NonFinite; }
  constexpr int code() const {
    return kind_ == Kind::Ok              ? MINN_STATUS_OK
           : kind_ == Kind::OutOfEnvelope ? MINN_STATUS_ENVELOPE_BASE + input_
                                          : -(1 + input_);
  }

 private:
  constexpr Status(Kind kind, int input) : kind_(kind), input_(input) {}
  Kind kind_ = Kind::Ok;
  int input_ = -1;
};

}  // namespace minn
