// `minnc compile`: turns a MinnModel into static-memory C/C++ sources over lib/ plus a report.
// Everything is generated in memory first; files are written only when generation succeeded.
#pragma once
#include <string>
#include <vector>

#include "emit/kernel_set.hpp"
#include "emit/precision.hpp"
#include "model/model.hpp"

namespace minn::emit {

struct EmitOptions {
  std::string name;                    // C identifier: NAME.h, NAME.hpp, NAME.cpp, namespace NAME
  Precision precision = Precision::F32;
  std::string model_sha256;            // SHA-256 of the .minn bytes, printed in every banner
  KernelSet kernels = KernelSet::Fast;  // last: callers initialise the first three by position
};

struct GeneratedFile {
  std::string filename;  // no directory
  std::string content;
};

// NAME.h, NAME.hpp, NAME.cpp, NAME_report.json, NAME.md. Deterministic: the same model, options
// and minn version give byte-identical files. minn::Error on an invalid name or model.
std::vector<GeneratedFile> generate(const MinnModel& model, const EmitOptions& options);

// Creates `directory` if needed and writes the files (each through a temporary + rename).
void write_files(const std::string& directory, const std::vector<GeneratedFile>& files);

}  // namespace minn::emit
