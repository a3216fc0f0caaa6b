#include "import/pth_archive.hpp"

#include <zip.h>

#include "common/error.hpp"

namespace minn::import {

PthArchive::PthArchive(const std::string& path) : path_(path) {
  int code = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (!z) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(path + ": cannot read as a PyTorch zip archive (" + message +
                "); expected a file written by torch.save (PyTorch >= 1.6)");
  }
  zip_ = z;
  const zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
    const std::string s = name ? name : "";
    const std::string suffix = "/data.pkl";
    if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        s.find('/') == s.size() - suffix.size()) {
      prefix_ = s.substr(0, s.size() - suffix.size() + 1);
      return;
    }
  }
  zip_close(z);
  zip_ = nullptr;
  throw Error(path + ": no <archive>/data.pkl entry; expected a state_dict saved by torch.save (PyTorch >= 1.6)");
}

PthArchive::~PthArchive() {
  if (zip_) zip_discard(static_cast<zip_t*>(zip_));
}

std::string PthArchive::entry(const std::string& name) const {
  zip_t* z = static_cast<zip_t*>(zip_);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    throw Error(path_ + ": no entry '" + name + "' in the archive");
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  if (!f) throw Error(path_ + ": cannot open entry '" + name + "' (" + zip_strerror(z) + ")");
  std::string bytes(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t got = bytes.empty() ? 0 : zip_fread(f, bytes.data(), st.size);
  zip_fclose(f);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size)
    throw Error(path_ + ": entry '" + name + "' is truncated or corrupt");
  return bytes;
}

}  // namespace minn::import
