// Status and Result<T>: how every newsdesk function that can fail reports it.
//
// No exceptions cross a module boundary. A Status says whether the caller
// should retry (kTransient), skip the input and record why (kInvalidInput,
// kTooLarge, kNotFound, kUnsupported), or stop (kCorruption, kSchemaMismatch,
// kBusy, kIOError). The message names the input and, where one was hit, the
// limit. Both types are plain values: cheap to move, safe to copy, not
// thread-safe for concurrent mutation (like any value).
#ifndef NEWSDESK_BASE_STATUS_H_
#define NEWSDESK_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace newsdesk {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk,
    kInvalidInput,    // the input is malformed: skip it, record the reason
    kTooLarge,        // the input is over a named limit: skip it
    kNotFound,        // what was asked for does not exist
    kUnsupported,     // a kind of input newsdesk does not read
    kTransient,       // try again later (network, timeouts)
    kIOError,         // the file system or the store failed
    kBusy,            // another process holds the database for writing
    kSchemaMismatch,  // the database was written by another schema version
    kCorruption,      // stored data is damaged: stop, do not write
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string m) { return Status(Code::kInvalidInput, std::move(m)); }
  static Status TooLarge(std::string m) { return Status(Code::kTooLarge, std::move(m)); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status Unsupported(std::string m) { return Status(Code::kUnsupported, std::move(m)); }
  static Status Transient(std::string m) { return Status(Code::kTransient, std::move(m)); }
  static Status IOError(std::string m) { return Status(Code::kIOError, std::move(m)); }
  static Status Busy(std::string m) { return Status(Code::kBusy, std::move(m)); }
  static Status SchemaMismatch(std::string m) {
    return Status(Code::kSchemaMismatch, std::move(m));
  }
  static Status Corruption(std::string m) { return Status(Code::kCorruption, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // A new Status of the same code whose message starts with `context: `.
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

  // Marks an error as deliberately ignored; grep for IgnoreError to find them.
  void IgnoreError() const {}

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "a Result built from a Status must hold an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace newsdesk

#endif  // NEWSDESK_BASE_STATUS_H_
