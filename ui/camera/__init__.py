"""The station webcam in the window: a camera thread that reads, decodes and previews
frames, and the controller the pages share (one camera, one thread)."""
