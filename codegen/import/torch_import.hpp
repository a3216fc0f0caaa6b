// `minnc import-torch`: a MINN trained with the published PyTorch code (a state_dict .pth with the
// layers of nn.Sequential(Linear(F, H), ReLU, Dropout, Linear(H, N)): layers.0.weight [H, F],
// layers.0.bias [H], layers.3.weight [N, H], layers.3.bias [N]) plus its GEM and a manifest, made
// into a complete .minn model. The .pth holds only the weights; the manifest (JSON) gives the rest:
//
//   {"inputs": [{"name": "R_EX_glc__D_e_rev", "unit": "mmol/gDW/h", "min": 1.34, "range": 12.0,
//                "envelope_min": 1.34, "envelope_max": 13.34}, ...],   // envelope: default [min, min + range]
//    "outputs": ["R_PFK", ...],            // optional: the network's output order (default: the split GEM's)
//    "refinement": {"steps": 8, "step_size": 0.00198 or "auto", "momentum": 0.9},
//    "pin": [{"reaction": "R_EX_glc__D_e_rev", "vin": 5.0 or "inf"}],   // optional
//    "clip_inputs": false}                 // optional
//
// Every shape is checked against the manifest and the GEM, and each error names both.
#pragma once
#include <string>

#include "model/model.hpp"

namespace minn::import {

MinnModel import_torch(const std::string& pth_path, const std::string& gem_path, const std::string& manifest_path);

}  // namespace minn::import
