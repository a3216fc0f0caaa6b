// A PyTorch `.pth` file as torch.save writes it since PyTorch 1.6: a zip archive (read with libzip)
// holding <archive>/data.pkl (the pickled object, eval: import/pickle_reader.hpp), one raw little-endian
// storage per tensor storage in <archive>/data/<key>, and <archive>/version.
#pragma once
#include <string>

namespace minn::import {

class PthArchive {
 public:
  // minn::Error naming the file when it is not a zip archive or has no <archive>/data.pkl.
  explicit PthArchive(const std::string& path);
  PthArchive(const PthArchive&) = delete;
  PthArchive& operator=(const PthArchive&) = delete;
  ~PthArchive();

  const std::string& path() const { return path_; }
  std::string pickle() const { return entry(prefix_ + "data.pkl"); }
  // The bytes of storage `key`; minn::Error naming the entry when it is absent.
  std::string storage(const std::string& key) const { return entry(prefix_ + "data/" + key); }

 private:
  std::string entry(const std::string& name) const;
  std::string path_;
  std::string prefix_;  // "<archive>/"
  void* zip_ = nullptr;  // zip_t*, kept out of the header
};

}  // namespace minn::import
