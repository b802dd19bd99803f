// OpenBLAS: the CBLAS interface and the Fortran LAPACK routines FleetLinearAlgebra calls.
// Debian's libopenblas-dev ships LAPACK inside libopenblas; LAPACKE is a separate package, so the
// Fortran entry points are declared here (column-major, every argument by pointer, hidden string
// lengths last).
#include <cblas.h>
#include <stddef.h>

/// Least squares / minimum norm via QR or LQ (A full rank). See LAPACK's dgels.
void dgels_(const char *trans, const blasint *m, const blasint *n, const blasint *nrhs,
            double *a, const blasint *lda, double *b, const blasint *ldb,
            double *work, const blasint *lwork, blasint *info, size_t trans_length);

/// Minimum-norm least squares via SVD with divide and conquer (any rank). See LAPACK's dgelsd.
void dgelsd_(const blasint *m, const blasint *n, const blasint *nrhs,
             double *a, const blasint *lda, double *b, const blasint *ldb,
             double *s, const double *rcond, blasint *rank,
             double *work, const blasint *lwork, blasint *iwork, blasint *info);

/// Symmetric positive definite solve via Cholesky. See LAPACK's dposv.
void dposv_(const char *uplo, const blasint *n, const blasint *nrhs, double *a, const blasint *lda,
            double *b, const blasint *ldb, blasint *info, size_t uplo_length);
