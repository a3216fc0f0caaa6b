#include "import/pickle_reader.hpp"

#include <cstdint>
#include <cstring>
#include <map>
#include <memory>

#include "common/error.hpp"

namespace minn::import {
namespace {

struct Value;
using Ptr = std::shared_ptr<Value>;

struct Value {
  enum class Kind { None, Bool, Int, Float, String, Tuple, List, Dict, Global, Storage, Tensor, Object };
  Kind kind = Kind::None;
  long long integer = 0;
  double real = 0;
  std::string text;                          // String; Global "module name"; Storage type; Object's global
  std::vector<Ptr> items;                    // Tuple, List
  std::vector<std::pair<Ptr, Ptr>> entries;  // Dict
  TensorRecord tensor;                       // Tensor; Storage uses storage_type and storage_key
};

Ptr make(Value::Kind kind) {
  auto v = std::make_shared<Value>();
  v->kind = kind;
  return v;
}

class Machine {
 public:
  Machine(const std::string& bytes, const std::string& origin) : b_(bytes), origin_(origin) {}

  Ptr run() {
    for (;;) {
      if (pos_ >= b_.size()) fail("ends without a STOP opcode");
      const std::size_t at = pos_;
      const auto op = static_cast<unsigned char>(b_[pos_++]);
      switch (op) {
        case 0x80: take(1); break;                       // PROTO
        case 0x95: take(8); break;                       // FRAME
        case '.': return pop(at);                        // STOP
        case '(': marks_.push_back(stack_.size()); break;  // MARK
        case ')': push(make(Value::Kind::Tuple)); break;
        case ']': push(make(Value::Kind::List)); break;
        case '}': push(make(Value::Kind::Dict)); break;
        case 't': push(tuple(pop_mark(at))); break;
        case 0x85: case 0x86: case 0x87: {              // TUPLE1..3
          std::vector<Ptr> items(op - 0x84u);
          for (auto it = items.rbegin(); it != items.rend(); ++it) *it = pop(at);
          push(tuple(std::move(items)));
          break;
        }
        case 'N': push(make(Value::Kind::None)); break;
        case 0x88: case 0x89: {                          // NEWTRUE, NEWFALSE
          Ptr v = make(Value::Kind::Bool);
          v->integer = op == 0x88;
          push(v);
          break;
        }
        case 'K': push(integer(static_cast<unsigned char>(take(1)[0]))); break;
        case 'M': push(integer(little_unsigned(take(2)))); break;
        case 'J': push(integer(static_cast<std::int32_t>(little_unsigned(take(4))))); break;
        case 0x8a: {                                     // LONG1: n bytes, two's complement
          const std::string n = take(static_cast<unsigned char>(take(1)[0]));
          if (n.size() > 8) fail("an integer wider than 64 bits", at);
          long long v = static_cast<long long>(little_unsigned(n));
          if (!n.empty() && n.size() < 8 && (static_cast<unsigned char>(n.back()) & 0x80))
            v -= 1LL << (8 * n.size());
          push(integer(v));
          break;
        }
        case 'G': {                                      // BINFLOAT, big-endian
          const std::string s = take(8);
          std::uint64_t bits = 0;
          for (char c : s) bits = (bits << 8) | static_cast<unsigned char>(c);
          Ptr v = make(Value::Kind::Float);
          std::memcpy(&v->real, &bits, sizeof bits);
          push(v);
          break;
        }
        case 'X': push(string(take(little_unsigned(take(4))))); break;            // BINUNICODE
        case 0x8c: push(string(take(static_cast<unsigned char>(take(1)[0])))); break;  // SHORT_BINUNICODE
        case 0x8d: push(string(take(little_unsigned(take(8))))); break;          // BINUNICODE8
        case 'c': {                                      // GLOBAL "module\nname\n"
          const std::string module = line(at), name = line(at);
          push(global(module + " " + name));
          break;
        }
        case 0x93: {                                     // STACK_GLOBAL
          const Ptr name = pop(at), module = pop(at);
          push(global(module->text + " " + name->text));
          break;
        }
        case 'q': memo_[static_cast<unsigned char>(take(1)[0])] = top(at); break;  // BINPUT
        case 'r': memo_[little_unsigned(take(4))] = top(at); break;               // LONG_BINPUT
        case 0x94: memo_[memo_.size()] = top(at); break;                           // MEMOIZE
        case 'h': push(memo(static_cast<unsigned char>(take(1)[0]), at)); break;  // BINGET
        case 'j': push(memo(little_unsigned(take(4)), at)); break;                // LONG_BINGET
        case 'Q': push(storage(pop(at), at)); break;    // BINPERSID
        case 'R': {                                      // REDUCE
          const Ptr args = pop(at), callable = pop(at);
          push(reduce(callable, args, at));
          break;
        }
        case 0x81: {                                     // NEWOBJ
          const Ptr args = pop(at), cls = pop(at);
          push(reduce(cls, args, at));
          break;
        }
        case 'b': pop(at); break;                        // BUILD: state (e.g. _metadata) ignored
        case 's': {                                      // SETITEM
          const Ptr value = pop(at), key = pop(at);
          dict(top(at), at)->entries.emplace_back(key, value);
          break;
        }
        case 'u': {                                      // SETITEMS
          const std::vector<Ptr> kv = pop_mark(at);
          if (kv.size() % 2) fail("SETITEMS with an odd number of items", at);
          const Ptr d = dict(top(at), at);
          for (std::size_t i = 0; i < kv.size(); i += 2) d->entries.emplace_back(kv[i], kv[i + 1]);
          break;
        }
        case 'a': {                                      // APPEND
          const Ptr v = pop(at);
          top(at)->items.push_back(v);
          break;
        }
        case 'e': {                                      // APPENDS
          const std::vector<Ptr> vs = pop_mark(at);
          const Ptr list = top(at);
          list->items.insert(list->items.end(), vs.begin(), vs.end());
          break;
        }
        case '0': pop(at); break;                        // POP
        default: {
          char hex[8];
          std::snprintf(hex, sizeof hex, "0x%02x", op);
          fail(std::string("unsupported pickle opcode ") + hex + " (not a plain state_dict of tensors?)", at);
        }
      }
    }
  }

 private:
  [[noreturn]] void fail(const std::string& what, std::size_t at = std::string::npos) const {
    throw Error(origin_ + ": data.pkl" + (at == std::string::npos ? "" : " offset " + std::to_string(at)) + ": " +
                what);
  }
  std::string take(std::size_t n) {
    if (n > b_.size() - pos_) fail("truncated (an opcode's argument runs past the end)", pos_);
    const std::string s = b_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  static std::uint64_t little_unsigned(const std::string& s) {
    std::uint64_t v = 0;
    for (std::size_t i = s.size(); i-- > 0;) v = (v << 8) | static_cast<unsigned char>(s[i]);
    return v;
  }
  std::string line(std::size_t at) {
    const std::size_t nl = b_.find('\n', pos_);
    if (nl == std::string::npos) fail("GLOBAL without a line end", at);
    const std::string s = b_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    return s;
  }
  void push(Ptr v) { stack_.push_back(std::move(v)); }
  Ptr pop(std::size_t at) {
    if (stack_.empty() || (!marks_.empty() && stack_.size() <= marks_.back())) fail("stack underflow", at);
    Ptr v = stack_.back();
    stack_.pop_back();
    return v;
  }
  Ptr top(std::size_t at) {
    if (stack_.empty()) fail("stack underflow", at);
    return stack_.back();
  }
  std::vector<Ptr> pop_mark(std::size_t at) {
    if (marks_.empty()) fail("no MARK", at);
    const std::size_t m = marks_.back();
    marks_.pop_back();
    std::vector<Ptr> items(stack_.begin() + static_cast<std::ptrdiff_t>(m), stack_.end());
    stack_.resize(m);
    return items;
  }
  Ptr memo(std::uint64_t key, std::size_t at) {
    const auto it = memo_.find(key);
    if (it == memo_.end()) fail("memo entry " + std::to_string(key) + " read before it is written", at);
    return it->second;
  }
  Ptr dict(const Ptr& v, std::size_t at) {
    if (v->kind != Value::Kind::Dict) fail("SETITEM on a non-dict", at);
    return v;
  }
  static Ptr tuple(std::vector<Ptr> items) {
    Ptr v = make(Value::Kind::Tuple);
    v->items = std::move(items);
    return v;
  }
  static Ptr integer(long long i) {
    Ptr v = make(Value::Kind::Int);
    v->integer = i;
    return v;
  }
  static Ptr string(std::string s) {
    Ptr v = make(Value::Kind::String);
    v->text = std::move(s);
    return v;
  }
  static Ptr global(std::string name) {
    Ptr v = make(Value::Kind::Global);
    v->text = std::move(name);
    return v;
  }
  // ('storage', torch.<Type>Storage, key, location, numel)
  Ptr storage(const Ptr& pid, std::size_t at) {
    if (pid->kind != Value::Kind::Tuple || pid->items.size() < 3 || pid->items[0]->kind != Value::Kind::String ||
        pid->items[0]->text != "storage" || pid->items[1]->kind != Value::Kind::Global ||
        pid->items[2]->kind != Value::Kind::String)
      fail("a persistent id that is not ('storage', <type>, <key>, ...)", at);
    Ptr v = make(Value::Kind::Storage);
    const std::string& type = pid->items[1]->text;  // "torch FloatStorage"
    v->tensor.storage_type = type.rfind("torch ", 0) == 0 ? type.substr(6) : type;
    v->tensor.storage_key = pid->items[2]->text;
    return v;
  }
  std::vector<long long> integers(const Ptr& t, const char* what, std::size_t at) {
    if (t->kind != Value::Kind::Tuple) fail(std::string("tensor ") + what + " is not a tuple", at);
    std::vector<long long> out;
    for (const Ptr& i : t->items) {
      if (i->kind != Value::Kind::Int) fail(std::string("tensor ") + what + " holds a non-integer", at);
      out.push_back(i->integer);
    }
    return out;
  }
  Ptr reduce(const Ptr& callable, const Ptr& args, std::size_t at) {
    if (callable->kind != Value::Kind::Global) {
      Ptr v = make(Value::Kind::Object);
      return v;
    }
    const std::string& name = callable->text;
    if (name == "collections OrderedDict" || name == "builtins dict") return make(Value::Kind::Dict);
    if (name == "torch._utils _rebuild_tensor_v2" || name == "torch._utils _rebuild_tensor") {
      if (args->kind != Value::Kind::Tuple || args->items.size() < 4 || args->items[0]->kind != Value::Kind::Storage ||
          args->items[1]->kind != Value::Kind::Int)
        fail("_rebuild_tensor_v2 without (storage, offset, size, stride)", at);
      Ptr v = make(Value::Kind::Tensor);
      v->tensor = args->items[0]->tensor;
      v->tensor.offset = args->items[1]->integer;
      v->tensor.shape = integers(args->items[2], "size", at);
      v->tensor.stride = integers(args->items[3], "stride", at);
      if (v->tensor.shape.size() != v->tensor.stride.size()) fail("tensor size and stride differ in length", at);
      return v;
    }
    if (name == "torch._utils _rebuild_parameter" && args->kind == Value::Kind::Tuple && !args->items.empty() &&
        args->items[0]->kind == Value::Kind::Tensor)
      return args->items[0];
    Ptr v = make(Value::Kind::Object);
    v->text = name;
    return v;
  }

  const std::string& b_;
  const std::string& origin_;
  std::size_t pos_ = 0;
  std::vector<Ptr> stack_;
  std::vector<std::size_t> marks_;
  std::map<std::uint64_t, Ptr> memo_;
};

}  // namespace

std::vector<TensorRecord> read_state_dict_pickle(const std::string& bytes, const std::string& origin) {
  const Ptr root = Machine(bytes, origin).run();
  if (root->kind != Value::Kind::Dict)
    throw Error(origin + ": the pickle holds " +
                (root->kind == Value::Kind::Object && !root->text.empty() ? "an object of " + root->text
                                                                           : std::string("no dict")) +
                ", not a state_dict (save model.state_dict(), not the model)");
  std::vector<TensorRecord> out;
  for (const auto& [key, value] : root->entries) {
    if (key->kind != Value::Kind::String || value->kind != Value::Kind::Tensor) continue;
    TensorRecord t = value->tensor;
    t.name = key->text;
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace minn::import
