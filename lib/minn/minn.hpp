// The minn runtime: everything generated code and the host reference (`minnc predict`) compute with.
// Header-only C++17; no heap, exceptions, RTTI, iostream, printf or libm; float32, and fixed point
// (q15/q7: fixed_point.hpp).
#pragma once
#include "minn/dense.hpp"
#include "minn/fixed_point.hpp"
#include "minn/flux_scale.hpp"
#include "minn/input_guard.hpp"
#include "minn/knockout_bounds.hpp"
#include "minn/rates.hpp"
#include "minn/refine.hpp"
#include "minn/sparse.hpp"
#include "minn/status.hpp"
