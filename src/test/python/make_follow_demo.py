"""Makes the checkpoints the follow kind's quick preset replays (src/main/resources/follow/demo/): a 784-16-10 ReLU
MLP trained with PyTorch (full-batch Adam, lr 1e-2, weight_decay 1e-3, MSE on one-hot targets) on the first 1000
MNIST training images (pixels in [0, 1]), its weights saved at steps 1, 2, 5, 10, 20 and 50 with the client's
safetensors writer, and the training loss of every step in scalars.tsv (step, name, value).

    /usr/bin/python3 src/test/python/make_follow_demo.py   (from the repository root; needs python3-torch)
"""
import gzip
import os
import struct
import sys

import torch

sys.path.insert(0, "clients/python")
import factlab_client  # noqa: E402

N, STEPS, SAVED = 1000, 50, (1, 2, 5, 10, 20, 50)
OUT = "src/main/resources/follow/demo"


def images():
    with gzip.open("data/mnist/train-images-idx3-ubyte.gz") as f:
        _, n, rows, cols = struct.unpack(">IIII", f.read(16))
        x = torch.frombuffer(bytearray(f.read(N * rows * cols)), dtype=torch.uint8)
    with gzip.open("data/mnist/train-labels-idx1-ubyte.gz") as f:
        f.read(8)
        y = torch.frombuffer(bytearray(f.read(N)), dtype=torch.uint8)
    return x.reshape(N, rows * cols).float() / 255, y.long()


def main():
    torch.manual_seed(0)
    x, y = images()
    targets = torch.nn.functional.one_hot(y, 10).float()
    net = torch.nn.Sequential(torch.nn.Linear(784, 16), torch.nn.ReLU(), torch.nn.Linear(16, 10))
    adam = torch.optim.Adam(net.parameters(), lr=1e-2, weight_decay=1e-3)
    os.makedirs(OUT, exist_ok=True)
    lines = []
    for step in range(1, STEPS + 1):
        adam.zero_grad()
        loss = torch.nn.functional.mse_loss(net(x), targets)
        loss.backward()
        adam.step()
        lines.append("%d\ttrain/loss\t%r\n" % (step, loss.item()))
        if step in SAVED:
            tensors = {k: factlab_client._flat_float32(v) for k, v in net.state_dict().items()}
            with open("%s/step-%d.safetensors" % (OUT, step), "wb") as f:
                f.write(factlab_client.safetensors_bytes(tensors))
    with open(OUT + "/scalars.tsv", "w") as f:
        f.writelines(lines)


if __name__ == "__main__":
    main()
