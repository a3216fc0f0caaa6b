// libFuzzer target: the dataset CSV readers on arbitrary files. The input is cut at its first
// three NUL bytes into transcriptomics.csv, proteomics.csv, fluxomics.csv and KOs_Vin.csv of an
// Ishii-layout directory (missing parts are empty files), which then goes through every loader
// minnc runs on a dataset: the inputs, the targets mapped to the split e_coli_core, knockout
// bounds, and a plain `minnc predict --data inputs.csv` table.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "data/csv_table.hpp"
#include "data/inputs_csv.hpp"
#include "data/ishii_dataset.hpp"
#include "data/knockout_bounds.hpp"
#include "fuzz_check.hpp"
#include "fuzz_scratch.hpp"
#include "sbml/sbml_reader.hpp"

namespace {

const minn::Gem& split_gem() {
  static const minn::Gem gem = minn::split_reversible(minn::read_sbml(MINN_MODELS_DIR "/gems/e_coli_core.xml.gz"));
  return gem;
}

std::vector<std::string> cut(const std::uint8_t* data, std::size_t size, std::size_t parts) {
  std::vector<std::string> out(parts);
  std::size_t part = 0;
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0 && part + 1 < parts) {
      ++part;
      continue;
    }
    out[part] += static_cast<char>(data[i]);
  }
  return out;
}

// Runs one loader: a rejection must be a minn::Error naming the scratch directory's file.
template <typename Load>
void expect_clean(const std::string& dir, Load load) {
  try {
    load();
  } catch (const minn::Error& e) {
    minn::fuzz::expect_named(e, dir);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)split_gem();  // loaded once, outside the first execution's timing
  const std::string& dir = minn::fuzz::scratch_dir();
  const char* files[] = {minn::kIshiiTranscriptomics, minn::kIshiiProteomics, minn::kIshiiFluxomics, "KOs_Vin.csv"};
  const std::vector<std::string> parts = cut(data, size, 4);
  for (std::size_t i = 0; i < parts.size(); ++i)
    minn::fuzz::write_scratch(dir + "/" + files[i], reinterpret_cast<const std::uint8_t*>(parts[i].data()),
                              parts[i].size());

  expect_clean(dir, [&] {
    const minn::IshiiInputs in = minn::load_ishii_inputs(dir);
    for (Eigen::Index r = 0; r < in.inputs.rows(); ++r)
      for (Eigen::Index c = 0; c < in.inputs.cols(); ++c)
        if (!std::isfinite(in.inputs(r, c))) minn::fuzz::fail("a loaded input is not finite");
    if (static_cast<Eigen::Index>(in.input_names.size()) != in.inputs.cols())
      minn::fuzz::fail("input names and columns disagree");
    // The same file as a plain input table for `minnc predict`, with the inputs it declares.
    const std::string table = dir + "/" + minn::kIshiiTranscriptomics;
    const std::vector<std::string> header = minn::read_csv(table).header;
    minn::load_inputs_csv(table, {header.begin() + 1, header.end()});
  });
  expect_clean(dir, [&] {
    const minn::Dataset d = minn::load_ishii(dir, split_gem());
    for (int reaction : d.target_reactions)
      if (reaction < 0 || reaction >= static_cast<int>(split_gem().reactions.size()))
        minn::fuzz::fail("a target maps outside the GEM");
    minn::load_knockout_bounds(dir + "/KOs_Vin.csv", split_gem(), d.experiments, minn::AbsentReactions::Skip);
  });
  expect_clean(dir, [&] { minn::load_knockout_bounds(dir + "/KOs_Vin.csv", split_gem()); });
  return 0;
}
