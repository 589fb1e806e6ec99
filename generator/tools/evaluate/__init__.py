"""Quality measurement: each evaluation prints scores against data the user points it at.

Evaluations never ship data: they take the path of a data file as an argument.
"""
