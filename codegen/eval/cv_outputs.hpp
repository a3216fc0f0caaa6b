// The files behind a `minnc cv` row: predictions CSV (every split reaction of each held-out
// experiment, or the scored measured fluxes for a baseline; 17 significant digits: reading them back gives the same doubles), metrics JSON (means, SDs, per experiment with the
// chosen hyper-parameters) and a one-row Markdown table with the exact command.
#pragma once
#include <string>
#include <vector>

#include "eval/cv_job.hpp"

namespace minn::eval {

// <gem id>[-<reduce>]-<variant>[-<normalise>]-seed<seed>, e.g. iAF1260-fva-c-balanced-glucose-seed0.
std::string cv_output_stem(const CvJobResult& result, const CvJob& job);

// Writes <stem>.predictions.csv, <stem>.metrics.json and <stem>.md into out_dir (created), with
// stem = <gem id>[-<reduce>]-<variant>-seed<seed> (e.g. iAF1260-fva-c-balanced-seed0).
// Returns the three paths. Needs a complete run.
std::vector<std::string> write_cv_outputs(const CvJobResult& result, const CvJob& job, const std::string& out_dir);

}  // namespace minn::eval
