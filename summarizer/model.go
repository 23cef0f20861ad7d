package summarizer

// The ranker is a small ensemble of regression trees (gradient boosting
// on squared loss): each tree asks three questions of a sentence's
// features and adds its leaf's value to the score. Trees, unlike one
// weight per feature, can learn that length helps early in a story and
// hurts late in it, or that a quotation is a good pick only once the
// story has been told. Fitted by TestTrainRanker (train_test.go); the
// trees live in weights_gen.go.

// treeDepth is the depth of every tree: 7 questions, 8 leaves.
const treeDepth = 3

// tree is a complete binary tree stored breadth-first: node k asks
// "feature[k] <= threshold[k]?" and goes to 2k+1 if so, else 2k+2; the
// nodes past the last question are leaves.
type tree struct {
	feature   [1<<treeDepth - 1]uint8
	threshold [1<<treeDepth - 1]float64
	leaf      [1 << treeDepth]float64
}

// forest is the fitted ranker: base plus every tree's leaf.
type forest struct {
	base  float64
	trees []tree
}

func (t *tree) eval(f *[nFeatures]float64) float64 {
	k := 0
	for d := 0; d < treeDepth; d++ {
		if f[t.feature[k]] <= t.threshold[k] {
			k = 2*k + 1
		} else {
			k = 2*k + 2
		}
	}
	return t.leaf[k-(1<<treeDepth-1)]
}

func (m *forest) score(f *[nFeatures]float64) float64 {
	s := m.base
	for i := range m.trees {
		s += m.trees[i].eval(f)
	}
	return s
}

//go:generate env BRIEF_TRAIN=write go test -run ^TestTrainRanker$ -count=1 .
