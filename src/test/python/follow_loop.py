"""A short PyTorch training loop reported to FACT Lab through clients/python/factlab_client.py, for FollowClientTest.

    python3 follow_loop.py URL OUT.json STEPS [GATE]

Trains nn.Sequential(Linear(5, 8), Tanh, Linear(8, 3)) with Adam (weight_decay 1e-3, MSE on one-hot targets) on 80
Gaussian points, sends a checkpoint and the training loss at steps 1..STEPS, and writes to OUT.json the run's id and,
for every checkpoint, layer 1's FACT relative error and Pearson correlation with W1ᵀW1 computed here in float64 from
the float32 weights sent (as src/test/python/make_inspect_fixtures.py does). With GATE, waits after the first
checkpoint until the file GATE exists (the test restarts the lab meanwhile).
"""
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import factlab_client as factlab  # noqa: E402

LAMBDA = 1e-3


def layer1(net, x, onehot):
    """FACT₁ = −(1/(nλ)) Σᵢ gᵢ xᵢᵀ with gᵢ = ∂ℓᵢ/∂xᵢ, against W₁ᵀW₁, in float64."""
    w1 = net[0].weight.detach().double().clone().requires_grad_(True)
    b1 = net[0].bias.detach().double()
    w2 = net[2].weight.detach().double()
    b2 = net[2].bias.detach().double()
    h = x.clone().requires_grad_(True)
    f = torch.tanh(h @ w1.T + b1) @ w2.T + b2
    loss = ((f - onehot) ** 2).mean()
    (g,) = torch.autograd.grad(loss, [h])
    n = x.shape[0]
    g = n * g
    fact = -(g.T @ x) / (n * LAMBDA)
    wtw = (w1.T @ w1).detach()
    a, b = (fact - fact.mean()).flatten(), (wtw - wtw.mean()).flatten()
    return {"relerr": float(torch.linalg.norm(fact - wtw) / torch.linalg.norm(wtw)),
            "pearson": float(a @ b / torch.sqrt((a @ a) * (b @ b)))}


def main():
    url, out, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    gate = sys.argv[4] if len(sys.argv) > 4 else None
    torch.manual_seed(0)
    x = torch.randn(80, 5)
    y = torch.arange(80) % 3
    onehot = torch.nn.functional.one_hot(y, 3).double()
    net = torch.nn.Sequential(torch.nn.Linear(5, 8), torch.nn.Tanh(), torch.nn.Linear(8, 3))
    run = factlab.start(url, model=net, data=(x.double(), y), loss="mse", weight_decay=LAMBDA, name="pytorch loop",
                        idle_timeout=600)
    adam = torch.optim.Adam(net.parameters(), lr=1e-2, weight_decay=LAMBDA)
    reference = {}
    for step in range(1, steps + 1):
        for _ in range(20):
            adam.zero_grad()
            loss = torch.nn.functional.mse_loss(net(x), onehot.float())
            loss.backward()
            adam.step()
        run.log(step, {"train/loss": loss.item()})
        run.checkpoint(step, net)
        reference[step] = layer1(net, x.double(), onehot)
        if gate and step == 1:
            deadline = time.time() + 300
            while not os.path.exists(gate) and time.time() < deadline:
                time.sleep(0.1)
    run.finish()
    with open(out, "w") as f:
        json.dump({"id": run.id, "url": run.url, "reference": reference}, f)


if __name__ == "__main__":
    main()
