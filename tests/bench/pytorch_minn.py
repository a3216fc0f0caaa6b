#!/usr/bin/python3
"""The MINN in PyTorch, timed for bench_infer / bench_train (not a test; one thread).

  pytorch_minn.py infer MODEL.json ROWS.json CALLS   -> prints "us_per_inference <median>"
  pytorch_minn.py train MODEL.json EPOCHS            -> prints "ms_per_epoch <fastest>"

MODEL.json is written by the C++ benchmark from the same .minn model: dense layers (row-major),
scaler, clip flag, uptake scaling input and yield offset, S (dense), Pin rows, Vin and the
refinement's K, eta, beta. Inference is the straightforward float32 PyTorch computation the
paper's code does (batch of one, dense S); training is one epoch over 28 random rows in batches
of 5 with dropout 0.25, the refinement unrolled for autograd, loss c * NE + ||S V||^2/m +
||relu(-V)||^2/n + ||relu(Pin V - Vin)||^2/n_in, Adam (lr 5e-4, weight decay 1e-4): the costs of
minnc's trainer, not its bits.
"""
import json
import sys
import time

import torch


def load(path):
    with open(path) as f:
        m = json.load(f)
    t = lambda v: torch.tensor(v, dtype=torch.float32)
    layers = [(t(l["w"]).reshape(l["out"], l["in"]), t(l["b"]), l["relu"]) for l in m["layers"]]
    s = t(m["S"]).reshape(m["m"], m["n"])
    pin = torch.zeros(len(m["pin"]), m["n"])
    for k, c in enumerate(m["pin"]):
        pin[k, c] = 1.0
    vin = torch.tensor([float("inf") if v is None else v for v in m["vin"]], dtype=torch.float32)
    return m, layers, s, pin, vin


def refine(v, s, pin, vin, m):
    K, eta, beta = m["steps"], m["eta"], m["beta"]
    two_m, two_n = 2.0 / s.shape[0], 2.0 / s.shape[1]
    two_nin = 2.0 / max(pin.shape[0], 1)
    d = torch.zeros_like(v)
    for _ in range(K):
        g = two_m * ((v @ s.T) @ s)
        if pin.shape[0] > 0:
            g = g + two_nin * (torch.relu(v @ pin.T - vin) @ pin)
        g = g - two_n * torch.relu(-v)
        d = beta * d - eta * g
        v = v + d
    return v


def forward(x_raw, m, layers, s, pin, vin, dropout=None):
    x = (x_raw - torch.tensor(m["scaler_min"])) / torch.tensor(m["scaler_range"])
    if m["clip"]:
        x = torch.clamp(x, 0.0, 1.0)
    h = x
    for k, (w, b, relu) in enumerate(layers):
        h = h @ w.T + b
        if relu:
            h = torch.relu(h)
            if dropout is not None:
                h = dropout(h)
    if m["flux_scale_input"] >= 0:
        h = (h + torch.tensor(m["yield_offset"])) * torch.clamp(x_raw[:, m["flux_scale_input"]:m["flux_scale_input"] + 1], min=0.0)
    return refine(h, s, pin, vin, m)


def infer(model_path, rows_path, calls):
    m, layers, s, pin, vin = load(model_path)
    with open(rows_path) as f:
        rows = [torch.tensor([r], dtype=torch.float32) for r in json.load(f)]
    times = []
    with torch.no_grad():
        for _ in range(20):
            forward(rows[0], m, layers, s, pin, vin)
        for batch in range(31):
            t0 = time.thread_time()
            for i in range(calls):
                forward(rows[i % len(rows)], m, layers, s, pin, vin)
            times.append((time.thread_time() - t0) / calls * 1e6)
    times.sort()
    print("us_per_inference %.4f" % times[len(times) // 2])


def train(model_path, epochs):
    m, layers, s, pin, vin = load(model_path)
    torch.manual_seed(1)
    n_in, hidden, n = layers[0][0].shape[1], layers[0][0].shape[0], s.shape[1]
    net = [torch.nn.Linear(n_in, hidden), torch.nn.Linear(hidden, n)]
    params = [p for l in net for p in l.parameters()]
    opt = torch.optim.Adam(params, lr=5e-4, weight_decay=1e-4)
    drop = torch.nn.Dropout(0.25)
    x = torch.rand(28, n_in)
    pref = torch.arange(0, n, max(1, n // 47))[:47]
    target = torch.rand(28, len(pref)) * 10
    two_m, two_n, two_nin = 2.0 / s.shape[0], 2.0 / n, 2.0 / max(pin.shape[0], 1)
    best = float("inf")
    for _ in range(epochs):
        t0 = time.thread_time()
        perm = torch.randperm(28)
        for b in range(0, 28, 5):
            idx = perm[b:b + 5]
            h = drop(torch.relu(net[0](x[idx])))
            v = refine(net[1](h), s, pin, vin, m)
            vp = v[:, pref]
            ne = (torch.linalg.norm(vp - target[idx], dim=1) / torch.linalg.norm(target[idx], dim=1)).mean()
            mech = ((v @ s.T) ** 2).sum(1).mean() * two_m / 2 + (torch.relu(-v) ** 2).sum(1).mean() * two_n / 2
            if pin.shape[0] > 0:
                mech = mech + (torch.relu(v @ pin.T - vin) ** 2).sum(1).mean() * two_nin / 2
            loss = 20.0 * ne + mech
            opt.zero_grad()
            loss.backward()
            opt.step()
        best = min(best, (time.thread_time() - t0) * 1e3)
    print("ms_per_epoch %.4f" % best)


if __name__ == "__main__":
    torch.set_num_threads(1)
    if sys.argv[1] == "infer":
        infer(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == "train":
        train(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit("usage: pytorch_minn.py infer MODEL.json ROWS.json CALLS | train MODEL.json EPOCHS")
