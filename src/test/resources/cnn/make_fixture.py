#!/usr/bin/env python3
"""Fixture of CnnTorchFixtureTest: a tiny CNN trained briefly with PyTorch in float64, its weights, the data it is
probed on, and the layer-1 patch-FACT and patch-AGOP values FACT Lab must report (docs/science.md, "Convolutional
layers"), computed here in float64 with torch.autograd.

Run from the repository root with Debian's python3-torch and python3-numpy:

    /usr/bin/python3 src/test/resources/cnn/make_fixture.py

It writes into src/test/resources/cnn/:
  tiny-cnn.safetensors   nn.Sequential(Conv2d(1, 4, 3, padding=1), ReLU, MaxPool2d(2), Conv2d(4, 6, 3, stride=2,
                         padding=1), ReLU, Flatten, Linear(24, 3)) in float64 (tensor names 0.weight, 0.bias,
                         3.weight, 3.bias, 6.weight, 6.bias), trained by full-batch SGD (lr 0.05, momentum 0.9,
                         weight_decay 1e-3, coupled) on nn.CrossEntropyLoss for 300 steps
  probe.npz              X (n × 1 × 8 × 8), Y (n × 3, one-hot) and y (n class labels 0, 1, 2), float64: the
                         training set, 72 images of three noisy bar patterns; as an upload for `inspect` (X and
                         y, the image shape kept) it is the data InspectCnnTest probes on
  expected.json          lambda and, for the first convolution, patch-FACT relerr and Pearson with WᵀW, patch-AGOP
                         and patch-eNFA cosine with WᵀW, ‖∇_W L_λ‖, and the training loss

Debian's python3-torch has no `safetensors` package: the file is written by hand (8-byte little-endian header
length, JSON header {name: {dtype, shape, data_offsets}}, raw little-endian data).
"""
import json
import os
import struct

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
LAMBDA = 1e-3
N_PER_CLASS = 24


def data(generator):
    """Three classes of 8×8 images: a horizontal bar, a vertical bar, a diagonal, at random offsets, plus noise."""
    images = []
    labels = []
    for label in range(3):
        for _ in range(N_PER_CLASS):
            image = torch.zeros(8, 8, dtype=torch.float64)
            offset = int(torch.randint(1, 7, (1,), generator=generator))
            if label == 0:
                image[offset, 1:7] = 1
            elif label == 1:
                image[1:7, offset] = 1
            else:
                for k in range(6):
                    image[(k + offset) % 8, k + 1] = 1
            image += 0.3 * torch.randn(8, 8, dtype=torch.float64, generator=generator)
            images.append(image)
            labels.append(label)
    x = torch.stack(images).unsqueeze(1)
    y = torch.nn.functional.one_hot(torch.tensor(labels), 3).to(torch.float64)
    return x, y


def network():
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 4, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(4, 6, 3, stride=2, padding=1), torch.nn.ReLU(), torch.nn.Flatten(),
        torch.nn.Linear(24, 3)).to(torch.float64)


def train(net, x, y):
    optimiser = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9, weight_decay=LAMBDA)
    loss = torch.nn.CrossEntropyLoss()
    for _ in range(300):
        optimiser.zero_grad()
        loss(net(x), y.argmax(1)).backward()
        optimiser.step()


def first_layer_values(net, x, y):
    """Patch FACT, AGOP, eNFA of the first convolution from their definitions, with torch.autograd."""
    conv = net[0]
    n = x.shape[0]
    w = conv.weight.detach().reshape(4, -1)                              # k × cq²
    patches = torch.nn.functional.unfold(x, 3, padding=1, stride=1)     # n × cq² × P
    u = conv(x)
    u.retain_grad()
    f = net[1:](u)
    per_sample = torch.nn.functional.cross_entropy(f, y.argmax(1), reduction="none")
    delta = torch.autograd.grad(per_sample.sum(), u, retain_graph=True)[0].reshape(n, 4, -1)  # ∂ℓᵢ/∂u_i[p]
    g = torch.einsum("kd,nkp->ndp", w, delta)                           # ∂ℓᵢ/∂x_i[p] = Wᵀδ_i[p]
    fact = -torch.einsum("ndp,nep->de", g, patches) / (n * LAMBDA)
    enfa = torch.einsum("ndp,nep->de", g, g) / n
    agop = torch.zeros_like(fact)
    for c in range(f.shape[1]):
        a = torch.autograd.grad(f[:, c].sum(), u, retain_graph=True)[0].reshape(n, 4, -1)
        j = torch.einsum("kd,nkp->ndp", w, a)
        agop += torch.einsum("ndp,nep->de", j, j) / n
    gradient = torch.einsum("nkp,ndp->kd", delta, patches) / n + LAMBDA * w
    wtw = w.T @ w
    return {
        "fact_relerr": float(torch.linalg.norm(fact - wtw) / torch.linalg.norm(wtw)),
        "fact_pearson": float(np.corrcoef(fact.flatten().numpy(), wtw.flatten().numpy())[0, 1]),
        "agop_cosine": cosine(agop, wtw),
        "enfa_cosine": cosine(enfa, wtw),
        "grad_norm": float(torch.linalg.norm(gradient)),
        "loss": float(per_sample.mean()),
    }


def cosine(a, b):
    return float((a * b).sum() / (torch.linalg.norm(a) * torch.linalg.norm(b)))


def write_safetensors(path, tensors):
    header = {}
    offset = 0
    blobs = []
    for name, tensor in tensors.items():
        raw = tensor.detach().numpy().astype("<f8").tobytes()
        header[name] = {"dtype": "F64", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        blobs.append(raw)
    text = json.dumps(header).encode()
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for raw in blobs:
            out.write(raw)


def main():
    torch.manual_seed(0)
    generator = torch.Generator().manual_seed(1)
    x, y = data(generator)
    net = network()
    train(net, x, y)
    write_safetensors(os.path.join(HERE, "tiny-cnn.safetensors"), net.state_dict())
    np.savez(os.path.join(HERE, "probe.npz"), X=x.numpy(), Y=y.numpy(), y=y.argmax(1).to(torch.float64).numpy())
    values = first_layer_values(net, x, y)
    values["lambda"] = LAMBDA
    with open(os.path.join(HERE, "expected.json"), "w") as out:
        json.dump(values, out, indent=2)
        out.write("\n")
    print(json.dumps(values, indent=2))


if __name__ == "__main__":
    main()
