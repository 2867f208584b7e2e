# Output: one line a step by default, full commands with V=1.
#   $(call uk_step,TAG,what) prints "  TAG     what" unless V=1.
ifeq ($(V),1)
Q :=
uk_step :=
else
Q := @
uk_step = @printf '  %-7s %s\n' '$(1)' '$(2)';
endif

MAKEFLAGS += --no-print-directory
