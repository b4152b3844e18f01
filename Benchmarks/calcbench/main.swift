print("calcbench")
