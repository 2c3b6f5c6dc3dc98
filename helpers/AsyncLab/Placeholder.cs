namespace AsyncLab; internal static class Placeholder { }
