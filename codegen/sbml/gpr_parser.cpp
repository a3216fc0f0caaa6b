#include "sbml/gpr_parser.hpp"

#include <cctype>
#include <string>

#include "common/error.hpp"

namespace minn::sbml {
namespace {

struct Token {
  enum class Kind { Gene, And, Or, Open, Close, End } kind;
  std::string_view text;
  std::size_t column;  // 1-based
};

class GprParser {
 public:
  explicit GprParser(std::string_view text) : text_(text) { advance(); }

  std::unique_ptr<Gpr> parse() {
    if (token_.kind == Token::Kind::End) return nullptr;
    auto gpr = std::make_unique<Gpr>(parse_or());
    if (token_.kind != Token::Kind::End) fail("expected 'and', 'or' or the end of the rule");
    return gpr;
  }

 private:
  static bool is_delimiter(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0 || c == '(' || c == ')';
  }

  void advance() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])) != 0) ++pos_;
    const std::size_t start = pos_;
    if (pos_ == text_.size()) {
      token_ = {Token::Kind::End, {}, start + 1};
      return;
    }
    if (text_[pos_] == '(' || text_[pos_] == ')') {
      token_ = {text_[pos_] == '(' ? Token::Kind::Open : Token::Kind::Close, text_.substr(pos_, 1), start + 1};
      ++pos_;
      return;
    }
    while (pos_ < text_.size() && !is_delimiter(text_[pos_])) ++pos_;
    const std::string_view word = text_.substr(start, pos_ - start);
    Token::Kind kind = Token::Kind::Gene;
    if (word == "and" || word == "AND") kind = Token::Kind::And;
    if (word == "or" || word == "OR") kind = Token::Kind::Or;
    token_ = {kind, word, start + 1};
  }

  [[noreturn]] void fail(const std::string& what) const {
    const std::string found = token_.kind == Token::Kind::End ? "the end of the rule"
                                                              : "'" + std::string(token_.text) + "'";
    throw Error(what + ", found " + found + " at column " + std::to_string(token_.column) + " of '" +
                std::string(text_) + "'");
  }

  // Collects `sub (op sub)*` into one node with all operands, like Python's BoolOp.
  Gpr parse_or() {
    Gpr first = parse_and();
    if (token_.kind != Token::Kind::Or) return first;
    Gpr node;
    node.kind = Gpr::Kind::Or;
    node.children.push_back(std::move(first));
    while (token_.kind == Token::Kind::Or) {
      advance();
      node.children.push_back(parse_and());
    }
    return node;
  }

  Gpr parse_and() {
    Gpr first = parse_atom();
    if (token_.kind != Token::Kind::And) return first;
    Gpr node;
    node.kind = Gpr::Kind::And;
    node.children.push_back(std::move(first));
    while (token_.kind == Token::Kind::And) {
      advance();
      node.children.push_back(parse_atom());
    }
    return node;
  }

  Gpr parse_atom() {
    if (token_.kind == Token::Kind::Gene) {
      Gpr leaf;
      leaf.gene = std::string(token_.text);
      advance();
      return leaf;
    }
    if (token_.kind == Token::Kind::Open) {
      advance();
      Gpr inner = parse_or();
      if (token_.kind != Token::Kind::Close) fail("expected ')'");
      advance();
      return inner;
    }
    fail("expected a gene id or '('");
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  Token token_{Token::Kind::End, {}, 0};
};

}  // namespace

std::unique_ptr<Gpr> parse_gpr(std::string_view text) { return GprParser(text).parse(); }

}  // namespace minn::sbml
