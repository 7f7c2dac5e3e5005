#!/usr/bin/env python3
"""The example network bundled with FACT Lab for the `inspect` kind (model id `example-mnist-mlp`): a ReLU MLP 784 → 32
→ 32 → 10 trained with PyTorch (in float64, saved as float32) on the first 5000 images of the bundled MNIST training
set (pixels / 255), nn.MSELoss on one-hot targets, Adam with weight_decay 1e-4 (coupled L2, λ = 1e-4), 30 epochs of
minibatches of 64.

Run from the repository root with Debian's python3-torch and python3-numpy:

    /usr/bin/python3 src/test/python/make_example_model.py

It writes src/main/resources/inspect/example-mnist-mlp.safetensors (float32 state_dict: 0.weight, 0.bias, 2.weight,
2.bias, 4.weight, 4.bias), written by hand as in make_inspect_fixtures.py (Debian has no safetensors package).
"""
import gzip
import os
import struct
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_inspect_fixtures import write_safetensors  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main():
    images = idx(os.path.join(ROOT, "data", "mnist", "train-images-idx3-ubyte.gz"))[:5000]
    labels = idx(os.path.join(ROOT, "data", "mnist", "train-labels-idx1-ubyte.gz"))[:5000]
    x = torch.tensor(images.reshape(len(images), -1) / 255.0, dtype=torch.float64)
    y = torch.nn.functional.one_hot(torch.tensor(labels.astype(np.int64)), 10).double()
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, 32), torch.nn.ReLU(), torch.nn.Linear(32, 32), torch.nn.ReLU(),
                                torch.nn.Linear(32, 10))
    adam = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = torch.nn.MSELoss()
    for epoch in range(30):
        order = torch.randperm(len(x))
        for start in range(0, len(x), 64):
            batch = order[start:start + 64]
            adam.zero_grad()
            loss_fn(model(x[batch]), y[batch]).backward()
            adam.step()
    with torch.no_grad():
        accuracy = (model(x).argmax(1) == y.argmax(1)).float().mean().item()
    print(f"training accuracy {accuracy:.4f}")
    tensors = [(k, v.detach().numpy().astype(np.float32)) for k, v in model.state_dict().items()]
    write_safetensors(os.path.join(ROOT, "src", "main", "resources", "inspect", "example-mnist-mlp.safetensors"),
                      tensors)


if __name__ == "__main__":
    main()
