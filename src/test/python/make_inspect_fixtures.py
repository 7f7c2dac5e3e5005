#!/usr/bin/env python3
"""Fixtures of the `inspect` kind's tests: two small networks trained with PyTorch on a small table, saved as
safetensors, and the float64 values FACT Lab must report for them.

Run from the repository root with Debian's python3-torch and python3-numpy (python3-h5py for the Keras file):

    /usr/bin/python3 src/test/python/make_inspect_fixtures.py

It writes into src/test/resources/inspect/:
  train.csv, train.npz      the training table (6 features, labels 2, 5, 9; 120 rows) as CSV and as .npz (X, y)
  mse-tanh.safetensors      nn.Sequential(Linear(6,16), Tanh, Linear(16,16), Tanh, Linear(16,3)), float32,
                            trained with nn.MSELoss on one-hot targets and weight_decay 1e-3 (tensor names
                            0.weight, 0.bias, 2.weight, ...)
  ce-relu.safetensors       fc1 (6→16, bias), fc2 (16→16, no bias), fc3 (16→3, bias) with ReLU, float32, trained
                            with nn.CrossEntropyLoss and weight_decay 5e-4
  mse-tanh.h5               the same weights as mse-tanh.safetensors as a Keras 2 HDF5 model (model_config and
                            model_weights, written with h5py; Keras itself is not needed)
  *.reference.json          per network: lambda, loss, activation and every series the inspect kind records at
                            step 0, computed here in float64 with torch.autograd from the float32 weights as saved

Debian's python3-torch has no `safetensors` package, so the safetensors file is written here by hand: an 8-byte
little-endian header length, a JSON header {name: {dtype, shape, data_offsets}}, then the raw little-endian data.
Pickled torch.save files are not used: FACT Lab refuses them, since unpickling can run code.
"""
import json
import os
import struct

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "inspect")
torch.set_default_dtype(torch.float64)


def table(seed=7, per_class=40, d=6, labels=(2, 5, 9)):
    """Three Gaussian clusters in 6 dimensions; values rounded to float32 so that every reader sees the same numbers."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 1.5, size=(len(labels), d))
    x = np.concatenate([rng.normal(c, 1.0, size=(per_class, d)) for c in centres])
    y = np.repeat(np.array(labels), per_class)
    order = rng.permutation(len(y))
    return x[order].astype(np.float32).astype(np.float64), y[order]


def write_safetensors(path, tensors):
    """tensors: list of (name, float32 numpy array), written in that order."""
    header, blobs, offset = {}, [], 0
    for name, array in tensors:
        data = np.ascontiguousarray(array, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def train(model, x, targets, loss_fn, lam, seed):
    torch.manual_seed(seed)
    adam = torch.optim.Adam(model.parameters(), lr=1e-2, weight_decay=lam)
    for _ in range(3000):
        adam.zero_grad()
        loss_fn(model(x), targets).backward()
        adam.step()
    lbfgs = torch.optim.LBFGS(model.parameters(), lr=0.5, max_iter=500, history_size=50,
                              tolerance_grad=1e-12, tolerance_change=1e-15, line_search_fn="strong_wolfe")

    def closure():
        lbfgs.zero_grad()
        objective = loss_fn(model(x), targets) + 0.5 * lam * sum((p * p).sum() for p in model.parameters())
        objective.backward()
        return objective

    for _ in range(4):
        lbfgs.step(closure)


def psd_power(a, s):
    """A^s of the symmetric part, eigenvalues up to d·ε·λ_max set to 0 (as FACT Lab)."""
    a = 0.5 * (a + a.T)
    values, vectors = np.linalg.eigh(a)
    round_off = len(values) * np.finfo(float).eps * max(values.max(), 0.0)
    powered = np.where(values > round_off, np.abs(values) ** s, 0.0)
    return (vectors * powered) @ vectors.T


def pearson(a, b):
    a, b = a.ravel() - a.mean(), b.ravel() - b.mean()
    return float(a @ b / np.sqrt((a @ a) * (b @ b)))


def cosine(a, b):
    return float(a.ravel() @ b.ravel() / (np.linalg.norm(a) * np.linalg.norm(b)))


def reference(weights, biases, activation, x, onehot, lam, loss):
    """Every series of the inspect kind at step 0, from the weights as saved (float32 → float64)."""
    sigma = {"tanh": torch.tanh, "relu": torch.relu}[activation]
    ws = [torch.tensor(w.astype(np.float64), requires_grad=True) for w in weights]
    bs = [None if b is None else torch.tensor(b.astype(np.float64), requires_grad=True) for b in biases]
    n, depth = x.shape[0], len(ws)
    hs, h = [], torch.tensor(x, requires_grad=True)
    for l in range(depth):
        hs.append(h)
        z = h @ ws[l].T + (0 if bs[l] is None else bs[l])
        h = sigma(z) if l < depth - 1 else z
    f = h
    y = torch.tensor(onehot)
    if loss == "mse":
        data_loss = ((f - y) ** 2).mean()
    else:
        data_loss = torch.nn.functional.cross_entropy(f, y.argmax(1))
    grads = torch.autograd.grad(data_loss, hs + ws, retain_graph=True)
    h_grads, w_grads = grads[:depth], grads[depth:]
    jacobians = [[] for _ in range(depth)]
    for k in range(f.shape[1]):
        for l, j in enumerate(torch.autograd.grad(f[:, k].sum(), hs, retain_graph=True)):
            jacobians[l].append(j.numpy())
    series = {"train/loss": float(data_loss),
              "train/accuracy": float((f.argmax(1) == y.argmax(1)).double().mean())}
    for l in range(depth):
        w = ws[l].detach().numpy()
        wtw = w.T @ w
        hl = hs[l].detach().numpy()
        g = n * h_grads[l].numpy()                      # rows gᵢ = ∂ℓᵢ/∂h (L is the mean of the ℓᵢ)
        fact = -(g.T @ hl) / (n * lam)                  # FACT = −(1/(nλ)) Σᵢ gᵢ hᵢᵀ
        agop = sum(j.T @ j for j in jacobians[l]) / n   # AGOP = (1/n) Σᵢ Σ_k ∂f_k/∂h ∂f_k/∂hᵀ
        enfa = g.T @ g / n                              # eNFA = (1/n) Σᵢ gᵢ gᵢᵀ
        predictions = {"fact": fact, "sym_fact": psd_power(fact @ fact.T, 0.5), "agop": agop,
                       "sqrt_agop": psd_power(agop, 0.5), "agop_1_over_L": psd_power(agop, 1.0 / (depth - l)),
                       "enfa": enfa, "sqrt_enfa": psd_power(enfa, 0.5)}
        for name, p in predictions.items():
            series[f"layer{l + 1}/{name}/pearson"] = pearson(p, wtw)
            series[f"layer{l + 1}/{name}/cosine"] = cosine(p, wtw)
        series[f"layer{l + 1}/fact/relerr"] = float(np.linalg.norm(fact - wtw) / np.linalg.norm(wtw))
        series[f"layer{l + 1}/grad_norm"] = float(np.linalg.norm(w_grads[l].numpy() + lam * w))
    return series


def write_keras_h5(path, weights, biases, activation):
    """A Keras 2 Sequential model of Dense layers as HDF5, the layout keras.Model.save('x.h5') writes."""
    import h5py
    layers = []
    for l, w in enumerate(weights):
        config = {"name": f"dense_{l}", "trainable": True, "dtype": "float32", "units": int(w.shape[0]),
                  "activation": activation if l < len(weights) - 1 else "linear", "use_bias": biases[l] is not None,
                  "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
                  "bias_initializer": {"class_name": "Zeros", "config": {}},
                  "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
                  "kernel_constraint": None, "bias_constraint": None}
        if l == 0:
            config["batch_input_shape"] = [None, int(w.shape[1])]
        layers.append({"class_name": "Dense", "config": config})
    model_config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers}}
    with h5py.File(path, "w") as f:
        f.attrs["model_config"] = json.dumps(model_config)
        f.attrs["keras_version"] = "2.2.4"
        f.attrs["backend"] = "tensorflow"
        group = f.create_group("model_weights")
        group.attrs["layer_names"] = [f"dense_{l}".encode() for l in range(len(weights))]
        for l, w in enumerate(weights):
            name = f"dense_{l}"
            layer = group.create_group(name)
            names = [f"{name}/kernel:0".encode()] + ([f"{name}/bias:0".encode()] if biases[l] is not None else [])
            layer.attrs["weight_names"] = names
            layer.create_dataset(f"{name}/kernel:0", data=w.T.astype(np.float32))
            if biases[l] is not None:
                layer.create_dataset(f"{name}/bias:0", data=biases[l].astype(np.float32))


class FcNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(6, 16)
        self.fc2 = torch.nn.Linear(16, 16, bias=False)
        self.fc3 = torch.nn.Linear(16, 3)

    def forward(self, x):
        return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


def save(name, model, activation, loss, lam, x, onehot, keras=False):
    named = [(k, v.detach().numpy().astype(np.float32)) for k, v in model.state_dict().items()]
    write_safetensors(os.path.join(OUT, name + ".safetensors"), named)
    tensors = dict(named)
    prefixes = sorted({k.rsplit(".", 1)[0] for k in tensors}, key=lambda p: (len(p), p))
    weights = [tensors[p + ".weight"] for p in prefixes]
    biases = [tensors.get(p + ".bias") for p in prefixes]
    series = reference(weights, biases, activation, x, onehot, lam, loss)
    with open(os.path.join(OUT, name + ".reference.json"), "w") as f:
        json.dump({"lambda": lam, "loss": loss, "activation": activation, "series": series}, f, indent=1,
                  sort_keys=True)
    if keras:
        write_keras_h5(os.path.join(OUT, name + ".h5"), weights, biases, activation)


def main():
    os.makedirs(OUT, exist_ok=True)
    x, labels = table()
    classes = sorted(set(labels.tolist()))
    onehot = np.eye(len(classes))[[classes.index(v) for v in labels]]
    with open(os.path.join(OUT, "train.csv"), "w") as f:
        f.write(",".join([f"x{j + 1}" for j in range(x.shape[1])] + ["label"]) + "\n")
        for row, label in zip(x, labels):
            f.write(",".join(repr(float(v)) for v in row) + f",{label}\n")
    np.savez(os.path.join(OUT, "train.npz"), X=x.astype(np.float32), y=labels.astype(np.int64))
    xt, yt = torch.tensor(x), torch.tensor(onehot)

    torch.manual_seed(0)
    mse = torch.nn.Sequential(torch.nn.Linear(6, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16), torch.nn.Tanh(),
                              torch.nn.Linear(16, 3))
    train(mse, xt, yt, torch.nn.MSELoss(), 1e-3, 0)
    save("mse-tanh", mse, "tanh", "mse", 1e-3, x, onehot, keras=True)

    torch.manual_seed(1)
    ce = FcNet()
    train(ce, xt, torch.tensor(onehot.argmax(1)), torch.nn.CrossEntropyLoss(), 5e-4, 1)
    save("ce-relu", ce, "relu", "cross-entropy", 5e-4, x, onehot)


if __name__ == "__main__":
    main()
