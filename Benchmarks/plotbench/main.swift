print("plotbench")
