# Small pure-make helpers (no subshells: the no-op build must stay fast).

uk_comma := ,

# Upper-case a name and turn '-' and '.' into '_': libfoo-bar -> LIBFOO_BAR.
uk_uc = $(subst -,_,$(subst .,_,$(subst a,A,$(subst b,B,$(subst c,C,$(subst d,D,$(subst e,E,$(subst \
	f,F,$(subst g,G,$(subst h,H,$(subst i,I,$(subst j,J,$(subst k,K,$(subst l,L,$(subst m,M,$(subst \
	n,N,$(subst o,O,$(subst p,P,$(subst q,Q,$(subst r,R,$(subst s,S,$(subst t,T,$(subst u,U,$(subst \
	v,V,$(subst w,W,$(subst x,X,$(subst y,Y,$(subst z,Z,$(1)))))))))))))))))))))))))))))

# Non-empty when the strings $(1) and $(2) differ.
uk_strne = $(subst $(1),,$(2))$(subst $(2),,$(1))

# Write $(2) to file $(1) only when the content differs, so that rules
# depending on the file rebuild only on a real change. Evaluates to nothing.
uk_write_if_changed = $(if $(call uk_strne,$(strip $(file <$(1))),$(strip $(2))),$(shell mkdir -p $(dir $(1)))$(file >$(1),$(2)))

# Remove the double quotes Kconfig puts around strings.
uk_unquote = $(patsubst "%",%,$(1))
