"""PyTorch twins of optbench's language-model workloads at their catalogue defaults, for
tools/bench/djl_vs_torch.py: the same architecture, parameter shapes (in the order the DJL block
declares them, which the driver checks against the JVM's report), batch, sequence length and
loss, written the way a plain PyTorch user would.

- char_rnn (org.optbench.workload.RecurrentLm, RecurrentLmBlock): nn.Embedding(V, 32), a fused
  nn.LSTM(32, 128, 1 layer, batch_first), nn.Linear(128, V) over every position; batch 32 x 64.
- tiny_gpt (TransformerLm, TransformerLmBlock): token + learned position embedding (d 64, 64
  positions), 2 pre-norm blocks x + attn(LN(x)), x + mlp(LN(x)) with causal 4-head
  self-attention softmax(QK^T/sqrt(d_head) masked)V and a 4x GELU MLP, final LayerNorm, head tied
  to the token embedding (nanoGPT's model.py, its explicit-attention path; `sdpa=True` uses
  F.scaled_dot_product_attention instead, nanoGPT's default); batch 16 x 64.

Loss: cross-entropy over all B*T positions (TokenCrossEntropyLoss). V is the number of distinct
characters in the first 90% of the shipped corpus plus one id for unknown characters
(org.optbench.dataset.TextSplit, CharVocabulary), and batches are windows of that text.
"""
import math
import os

import torch
import torch.nn.functional as F

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(ROOT, "src", "main", "resources", "corpus", "pride_and_prejudice.txt")

# The catalogue's defaults (org.optbench.spec.WorkloadDefs: CHAR_RNN, TINY_GPT; eval_fraction 0.1).
CHAR_RNN = dict(cell="lstm", layers=1, embedding=32, hidden=128, seq_len=64, batch_size=32)
TINY_GPT = dict(layers=2, d_model=64, heads=4, seq_len=64, tied_head=True, batch_size=16)
EVAL_FRACTION = 0.1


def training_tokens():
    """Token ids of the corpus's training block and the vocabulary size (TextSplit.of)."""
    with open(CORPUS, encoding="utf-8") as f:
        text = f.read()
    # Java's Math.round: half up.
    cut = math.floor(len(text) * (1 - EVAL_FRACTION) + 0.5)
    train = text[:cut]
    chars = sorted(set(train))
    ids = {c: i + 1 for i, c in enumerate(chars)}  # id 0: characters outside the vocabulary
    return torch.tensor([ids[c] for c in train], dtype=torch.int64), len(chars) + 1


def batches(seq_len, batch_size, count, generator):
    """`count` batches of random non-overlapping windows: inputs (B, T) and next-token targets."""
    tokens, vocabulary = training_tokens()
    rows = (len(tokens) - 1) // seq_len
    x = tokens[: rows * seq_len].view(rows, seq_len)
    y = tokens[1: rows * seq_len + 1].view(rows, seq_len)
    picks = [torch.randint(0, rows, (batch_size,), generator=generator) for _ in range(count)]
    return [x[p].contiguous() for p in picks], [y[p].contiguous() for p in picks], vocabulary


class CharRnn(torch.nn.Module):
    def __init__(self, vocabulary, cell, layers, embedding, hidden):
        super().__init__()
        self.embedding = torch.nn.Embedding(vocabulary, embedding)
        self.head = torch.nn.Linear(hidden, vocabulary)
        rnn = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell]
        self.rnn = rnn(embedding, hidden, layers, batch_first=True)

    def forward(self, ids):
        h, _ = self.rnn(self.embedding(ids))
        return self.head(h)

    def declared(self):
        """Parameters in RecurrentLm.parameterShapes() order (DJL: the block's own, then the rnn's)."""
        own = [self.embedding.weight, self.head.weight, self.head.bias]
        per_layer = [getattr(self.rnn, f"{kind}_l{layer}") for layer in range(self.rnn.num_layers)
                     for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
        return own + per_layer


class Block(torch.nn.Module):
    def __init__(self, d, heads, seq_len, sdpa):
        super().__init__()
        self.heads, self.sdpa = heads, sdpa
        self.ln1 = torch.nn.LayerNorm(d)
        self.qkv = torch.nn.Linear(d, 3 * d)
        self.proj = torch.nn.Linear(d, d)
        self.ln2 = torch.nn.LayerNorm(d)
        self.fc = torch.nn.Linear(d, 4 * d)
        self.mlp_proj = torch.nn.Linear(4 * d, d)
        self.register_buffer("future", torch.ones(seq_len, seq_len, dtype=torch.bool).triu(1))

    def attention(self, x):
        b, t, d = x.shape
        q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2)
                   for z in self.qkv(x).split(d, dim=2))
        if self.sdpa:
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        else:
            scores = (q @ k.transpose(-2, -1)) / math.sqrt(d // self.heads)
            scores = scores.masked_fill(self.future[:t, :t], float("-inf"))
            y = scores.softmax(dim=-1) @ v
        return self.proj(y.transpose(1, 2).contiguous().view(b, t, d))

    def forward(self, x):
        x = x + self.attention(self.ln1(x))
        return x + self.mlp_proj(F.gelu(self.fc(self.ln2(x))))

    def declared(self):
        return [self.ln1.weight, self.ln1.bias, self.qkv.weight, self.qkv.bias, self.proj.weight,
                self.proj.bias, self.ln2.weight, self.ln2.bias, self.fc.weight, self.fc.bias,
                self.mlp_proj.weight, self.mlp_proj.bias]


class TinyGpt(torch.nn.Module):
    def __init__(self, vocabulary, layers, d_model, heads, seq_len, tied_head, sdpa=False):
        super().__init__()
        self.token = torch.nn.Embedding(vocabulary, d_model)
        self.position = torch.nn.Embedding(seq_len, d_model)
        self.blocks = torch.nn.ModuleList(Block(d_model, heads, seq_len, sdpa) for _ in range(layers))
        self.ln_f = torch.nn.LayerNorm(d_model)
        self.head = None if tied_head else torch.nn.Linear(d_model, vocabulary, bias=False)

    def forward(self, ids):
        t = ids.shape[1]
        h = self.token(ids) + self.position(torch.arange(t))
        for block in self.blocks:
            h = block(h)
        h = self.ln_f(h)
        return F.linear(h, self.token.weight if self.head is None else self.head.weight)

    def declared(self):
        """Parameters in TransformerLm.parameterShapes() order."""
        params = [self.token.weight, self.position.weight]
        for block in self.blocks:
            params += block.declared()
        params += [self.ln_f.weight, self.ln_f.bias]
        return params + ([] if self.head is None else [self.head.weight])


def build(workload, vocabulary, sdpa=False):
    """The twin of `workload` at its catalogue defaults."""
    if workload == "char_rnn":
        c = CHAR_RNN
        return CharRnn(vocabulary, c["cell"], c["layers"], c["embedding"], c["hidden"])
    c = TINY_GPT
    return TinyGpt(vocabulary, c["layers"], c["d_model"], c["heads"], c["seq_len"], c["tied_head"], sdpa)


def shapes(model):
    """`model`'s tensors as the JVM probe reports them: 76x32;76x128;..."""
    declared = model.declared()
    # Every parameter is declared exactly once, so the count below is the model's own.
    assert len({id(p) for p in declared}) == len(list(model.parameters())), "twin declares a tensor twice or misses one"
    return ";".join("x".join(str(n) for n in p.shape) for p in declared)


def defaults(workload):
    return CHAR_RNN if workload == "char_rnn" else TINY_GPT


def count_by_hand(workload, v):
    """The parameter count from the formulas of RecurrentLm / TransformerLm.parameterShapes()
    (defaults: char_rnn 95,180 and tiny_gpt 109,056 at V = 76), an independent check of both."""
    if workload == "char_rnn":
        c = CHAR_RNN
        e, h, g = c["embedding"], c["hidden"], 4 if c["cell"] == "lstm" else 3
        layers = sum(g * h * ((e if layer == 0 else h) + h) + 2 * g * h for layer in range(c["layers"]))
        return v * e + v * h + v + layers
    c = TINY_GPT
    d = c["d_model"]
    per_block = 2 * d + (3 * d * d + 3 * d) + (d * d + d) + 2 * d + (4 * d * d + 4 * d) + (4 * d * d + d)
    return v * d + c["seq_len"] * d + c["layers"] * per_block + 2 * d + (0 if c["tied_head"] else v * d)
