#!/usr/bin/env python3
"""Fixture of InspectCnnTest's Keras case: one small CNN as a Keras 2 HDF5 model and as a PyTorch safetensors
state_dict holding the same float32 weights, so that inspecting either gives the same series.

Run from the repository root with Debian's python3-torch, python3-numpy and python3-h5py (Keras is not needed: the
HDF5 file is written with h5py in the layout keras.Model.save('x.h5') writes):

    /usr/bin/python3 src/test/resources/cnn/make_keras_fixture.py

The network, trained briefly in float32 by full-batch SGD (weight_decay 1e-3, cross-entropy) on probe.npz:
  PyTorch  nn.Sequential(Conv2d(1, 4, 3, padding=1), ReLU, MaxPool2d(2), Conv2d(4, 6, 3), ReLU, Flatten, Linear(24, 3))
  Keras    Sequential([Conv2D(4, 3, padding='same', activation='relu', input_shape=(8, 8, 1)), MaxPooling2D(2),
           Conv2D(6, 3, activation='relu'), Flatten(), Dense(3)]), channels last
The Keras kernels are the PyTorch weights permuted to [q, q, in, out]; Keras flattens (H, W, C), so the Dense
kernel's rows are the Linear weight's columns reordered from (C, H, W) to (H, W, C).

It writes into src/test/resources/cnn/: tiny-cnn-keras.h5 and tiny-cnn-keras.safetensors (F32).
"""
import json
import os
import struct

import h5py
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def network():
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 4, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(4, 6, 3), torch.nn.ReLU(), torch.nn.Flatten(), torch.nn.Linear(24, 3))


def write_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name, tensor in tensors.items():
        raw = tensor.detach().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        blobs.append(raw)
    text = json.dumps(header).encode()
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for raw in blobs:
            out.write(raw)


def common(name):
    return {"name": name, "trainable": True, "dtype": "float32"}


def dense_like(name, activation):
    config = common(name)
    config.update({"activation": activation, "use_bias": True,
                   "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
                   "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
                   "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
                   "bias_constraint": None})
    return config


def conv(name, filters, padding, first):
    config = dense_like(name, "relu")
    config.update({"filters": filters, "kernel_size": [3, 3], "strides": [1, 1], "padding": padding,
                   "data_format": "channels_last", "dilation_rate": [1, 1]})
    if first:
        config["batch_input_shape"] = [None, 8, 8, 1]
    return {"class_name": "Conv2D", "config": config}


def write_keras(path, net):
    pool = common("max_pooling2d")
    pool.update({"pool_size": [2, 2], "padding": "valid", "strides": [2, 2], "data_format": "channels_last"})
    flatten = common("flatten")
    flatten["data_format"] = "channels_last"
    dense = dense_like("dense", "linear")
    dense["units"] = 3
    layers = [conv("conv2d", 4, "same", True), {"class_name": "MaxPooling2D", "config": pool},
              conv("conv2d_1", 6, "valid", False), {"class_name": "Flatten", "config": flatten},
              {"class_name": "Dense", "config": dense}]
    linear = net[6].weight.detach().numpy()                              # 3 × (C=6, H=2, W=2)
    hwc = linear.reshape(3, 6, 2, 2).transpose(0, 2, 3, 1).reshape(3, 24)
    weights = {"conv2d": (net[0].weight.detach().numpy().transpose(2, 3, 1, 0), net[0].bias.detach().numpy()),
               "conv2d_1": (net[3].weight.detach().numpy().transpose(2, 3, 1, 0), net[3].bias.detach().numpy()),
               "dense": (hwc.T, net[6].bias.detach().numpy())}
    with h5py.File(path, "w") as f:
        f.attrs["model_config"] = json.dumps({"class_name": "Sequential",
                                              "config": {"name": "sequential", "layers": layers}})
        f.attrs["keras_version"] = "2.2.4"
        f.attrs["backend"] = "tensorflow"
        group = f.create_group("model_weights")
        names = [layer["config"]["name"] for layer in layers]
        group.attrs["layer_names"] = [n.encode() for n in names]
        for name in names:
            layer = group.create_group(name)
            if name not in weights:
                layer.attrs["weight_names"] = np.array([], dtype="S1")
                continue
            layer.attrs["weight_names"] = [f"{name}/kernel:0".encode(), f"{name}/bias:0".encode()]
            layer.create_dataset(f"{name}/kernel:0", data=np.ascontiguousarray(weights[name][0], dtype=np.float32))
            layer.create_dataset(f"{name}/bias:0", data=weights[name][1].astype(np.float32))


def main():
    torch.manual_seed(2)
    data = np.load(os.path.join(HERE, "probe.npz"))
    x = torch.tensor(data["X"], dtype=torch.float32)
    labels = torch.tensor(data["y"]).long()
    net = network()
    optimiser = torch.optim.SGD(net.parameters(), lr=0.05, weight_decay=1e-3)
    for _ in range(100):
        optimiser.zero_grad()
        torch.nn.functional.cross_entropy(net(x), labels).backward()
        optimiser.step()
    write_safetensors(os.path.join(HERE, "tiny-cnn-keras.safetensors"), net.state_dict())
    write_keras(os.path.join(HERE, "tiny-cnn-keras.h5"), net)


if __name__ == "__main__":
    main()
