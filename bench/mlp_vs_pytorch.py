"""PyTorch's side of bench/mlp-vs-pytorch.sh: the same three workloads as MlpVsPyTorchBenchmark.java, float32,
torch.set_num_threads(1), synthetic data of the same shapes. One epoch = a seeded permutation, the minibatch loop
(forward, MSE over outputs, backward, SGD step with coupled weight_decay and heavy-ball momentum), then the per-epoch
cosine scheduler step. Prints 'row <id> pytorch <wall s> <cpu s>': the best wall time and the best CPU time of the
main thread (torch runs inline on one thread)
in the timed epochs after two warm-up epochs.
    python3 bench/mlp_vs_pytorch.py [timed epochs] [rows, e.g. abc]
"""
import sys
import time

import torch

torch.set_num_threads(1)


def classifier(depth, batch):
    g = torch.Generator().manual_seed(1)
    n = 1000
    x = torch.rand(n, 784, generator=g)
    y = torch.nn.functional.one_hot(torch.randint(0, 10, (n,), generator=g), 10).float()
    dims = [784] + [1024] * (depth - 1) + [10]
    layers = []
    for l in range(depth):
        layers.append(torch.nn.Linear(dims[l], dims[l + 1], bias=True))
        if l < depth - 1:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=200)
    return model, opt, sched, x, y, batch


def deep_linear():
    g = torch.Generator().manual_seed(2)
    n = 5000
    target = torch.randn(5, 10, generator=g)
    x = torch.randn(n, 10, generator=g)
    y = x @ target.T
    model = torch.nn.Sequential(torch.nn.Linear(10, 512, bias=False), torch.nn.Linear(512, 5, bias=False))
    opt = torch.optim.SGD(model.parameters(), lr=5e-3, momentum=0, weight_decay=1e-2)
    sched = torch.optim.lr_scheduler.ConstantLR(opt, factor=1.0, total_iters=0)
    return model, opt, sched, x, y, 128


def epoch(model, opt, sched, x, y, batch, g):
    n = x.shape[0]
    perm = torch.randperm(n, generator=g)
    xs, ys = x[perm], y[perm]
    loss = None
    for start in range(0, n, batch):
        xb, yb = xs[start:start + batch], ys[start:start + batch]
        opt.zero_grad(set_to_none=True)
        loss = ((model(xb) - yb) ** 2).mean()
        loss.backward()
        opt.step()
    sched.step()
    return loss.item()


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rows = sys.argv[2] if len(sys.argv) > 2 else "abc"
    print(f"# PyTorch {torch.__version__}, {torch.get_num_threads()} thread(s)")
    for row in rows:
        torch.manual_seed(0)
        setup = {"a": lambda: classifier(3, 64), "b": deep_linear, "c": lambda: classifier(6, 128)}[row]()
        g = torch.Generator().manual_seed(3)
        for _ in range(2):
            epoch(*setup, g)
        wall = cpu = float("inf")
        for _ in range(epochs):
            cpu_start = time.thread_time()
            start = time.perf_counter()
            loss = epoch(*setup, g)
            wall = min(wall, time.perf_counter() - start)
            cpu = min(cpu, time.thread_time() - cpu_start)
        if loss != loss:
            raise SystemExit(f"row {row} diverged")
        print(f"row {row} pytorch {wall:.5f} {cpu:.5f}")


if __name__ == "__main__":
    main()
