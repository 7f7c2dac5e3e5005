"""A short PyTorch CNN training loop reported to FACT Lab through clients/python/factlab_client.py, for
FollowClientTest.

    python3 follow_cnn_loop.py URL OUT.json STEPS

Trains nn.Sequential(Conv2d(1, 3, 3, padding=1), ReLU, MaxPool2d(2), Flatten, Linear(48, 3)) with SGD (weight_decay
1e-3, coupled; cross-entropy) on 60 random 8×8 images, sends a checkpoint at steps 1..STEPS, and writes to OUT.json
the run's id and, for every checkpoint, layer 1's patch-FACT relative error and Pearson correlation with WᵀW and its
patch-AGOP cosine (docs/science.md, "Convolutional layers"), computed here in float64 from the float32 weights sent,
as src/test/resources/cnn/make_fixture.py does.
"""
import copy
import json
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import factlab_client as factlab  # noqa: E402

LAMBDA = 1e-3


def layer1(net, x, labels):
    """Patch FACT = −(1/(nλ)) Σᵢ Σ_p (Wᵀδᵢ[p]) xᵢ[p]ᵀ and patch AGOP against WᵀW of the first convolution."""
    net = copy.deepcopy(net).double()
    conv = net[0]
    n = x.shape[0]
    k = conv.out_channels
    w = conv.weight.detach().reshape(k, -1)
    patches = torch.nn.functional.unfold(x, 3, padding=1)
    u = conv(x)
    f = net[1:](u)
    per_sample = torch.nn.functional.cross_entropy(f, labels, reduction="none")
    delta = torch.autograd.grad(per_sample.sum(), u, retain_graph=True)[0].reshape(n, k, -1)
    g = torch.einsum("kd,nkp->ndp", w, delta)
    fact = -torch.einsum("ndp,nep->de", g, patches) / (n * LAMBDA)
    agop = torch.zeros_like(fact)
    for c in range(f.shape[1]):
        a = torch.einsum("kd,nkp->ndp", w, torch.autograd.grad(f[:, c].sum(), u, retain_graph=True)[0]
                         .reshape(n, k, -1))
        agop += torch.einsum("ndp,nep->de", a, a) / n
    wtw = w.T @ w
    p, q = (fact - fact.mean()).flatten(), (wtw - wtw.mean()).flatten()
    return {"relerr": float(torch.linalg.norm(fact - wtw) / torch.linalg.norm(wtw)),
            "pearson": float(p @ q / torch.sqrt((p @ p) * (q @ q))),
            "agop_cosine": float((agop * wtw).sum() / (torch.linalg.norm(agop) * torch.linalg.norm(wtw)))}


def main():
    url, out, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    torch.manual_seed(0)
    x = torch.randn(60, 1, 8, 8)
    y = torch.arange(60) % 3
    net = torch.nn.Sequential(torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                              torch.nn.Flatten(), torch.nn.Linear(48, 3))
    run = factlab.start(url, model=net, data=(x.double(), y), loss="cross-entropy", weight_decay=LAMBDA,
                        name="pytorch cnn loop", idle_timeout=600)
    sgd = torch.optim.SGD(net.parameters(), lr=0.1, weight_decay=LAMBDA)
    reference = {}
    for step in range(1, steps + 1):
        for _ in range(20):
            sgd.zero_grad()
            torch.nn.functional.cross_entropy(net(x), y).backward()
            sgd.step()
        run.checkpoint(step, net)
        reference[step] = layer1(net, x.double(), y)
    run.finish()
    with open(out, "w") as f:
        json.dump({"id": run.id, "url": run.url, "reference": reference}, f)


if __name__ == "__main__":
    main()
