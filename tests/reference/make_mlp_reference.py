#!/usr/bin/python3
"""Writes mlp_reference.json: what PyTorch computes for a small MLP, for CoreHole's agreement test.

Run with Debian's PyTorch (apt-get install -y python3-torch libopenblas0; /usr/bin/python3 make_mlp_reference.py).
The network is 19 -> 40 -> 33 -> 18 with ReLU, batch 11: sizes that are not multiples of any SIMD width, so the
test also covers CoreHole's kernel tails. Dropout is left out (its random stream cannot match; the C# tests check
it statistically). Recorded: the initial weights (PyTorch layout [out, in]) and biases, the batch, the forward
output, the MSE loss, the gradients of that loss, and the weights after 5 Adam steps with weight decay on the
same batch.
"""
import json
import pathlib

import torch

WIDTHS, BATCH = [19, 40, 33, 18], 11
LEARNING_RATE, WEIGHT_DECAY, STEPS = 1e-2, 1e-3, 5


def layers_of(model):
    return [m for m in model if isinstance(m, torch.nn.Linear)]


def snapshot(model, attribute=None):
    def get(tensor):
        return (getattr(tensor, attribute) if attribute else tensor).tolist()
    return [{"weight": get(l.weight), "bias": get(l.bias)} for l in layers_of(model)]


def main():
    torch.manual_seed(2020)
    stages = []
    for i in range(len(WIDTHS) - 1):
        stages.append(torch.nn.Linear(WIDTHS[i], WIDTHS[i + 1]))
        if i < len(WIDTHS) - 2:
            stages.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*stages)
    x, y = torch.rand(BATCH, WIDTHS[0]), torch.rand(BATCH, WIDTHS[-1])
    loss_fn = torch.nn.MSELoss()
    optimiser = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)

    initial = snapshot(model)
    output = model(x)
    loss = loss_fn(output, y)
    loss.backward()
    reference = {
        "torch_version": torch.__version__,
        "widths": WIDTHS, "learning_rate": LEARNING_RATE, "weight_decay": WEIGHT_DECAY, "adam_steps": STEPS,
        "x": x.tolist(), "y": y.tolist(), "initial": initial,
        "output": output.tolist(), "loss": loss.item(), "gradients": snapshot(model, "grad"),
    }
    for _ in range(STEPS):
        optimiser.zero_grad()
        loss_fn(model(x), y).backward()
        optimiser.step()
    reference["after_adam"] = snapshot(model)

    path = pathlib.Path(__file__).with_name("mlp_reference.json")
    path.write_text(json.dumps(reference) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
