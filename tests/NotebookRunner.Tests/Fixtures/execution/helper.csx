// Loaded by behaviours.ipynb with #load, relative to the notebook's folder.
string HelperGreeting(string how) => $"hello from helper.csx via {how}";
