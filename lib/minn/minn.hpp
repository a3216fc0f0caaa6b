// The minn runtime: everything generated code and the host reference (`minnc predict`) compute with.
// Header-only C++17; no heap, exceptions, RTTI, iostream, printf or libm; float32 only.
#pragma once
#include "minn/dense.hpp"
#include "minn/flux_scale.hpp"
#include "minn/input_guard.hpp"
#include "minn/knockout_bounds.hpp"
#include "minn/rates.hpp"
#include "minn/refine.hpp"
#include "minn/sparse.hpp"
#include "minn/status.hpp"
